// Text pools the generators draw from. Kept varied on purpose: markdown of every kind, code,
// tables, links, right-to-left and CJK scripts and emoji all occur in real chats.

export const FIRST_NAMES: readonly string[] = [
  "Priya",
  "Jane",
  "Tomás",
  "Aiko",
  "Mohammed",
  "Noa",
  "Wei",
  "Olga",
  "Dimitris",
  "Fatima",
  "Lars",
  "Chiara",
  "Kwame",
  "Sofía",
  "Yusuf",
  "Hannah",
  "Ravi",
  "Mei",
  "Ahmed",
  "Elena",
  "Jonas",
  "Ama",
  "Diego",
  "Sun-hee",
  "Oliver",
  "Zanele",
  "Mateo",
  "Ingrid",
  "Tariq",
  "Léa",
];

export const LAST_NAMES: readonly string[] = [
  "Sharma",
  "Doe",
  "García",
  "Tanaka",
  "Al-Farsi",
  "Cohen",
  "Zhang",
  "Ivanova",
  "Papadopoulos",
  "Haddad",
  "Nilsson",
  "Rossi",
  "Mensah",
  "López",
  "Demir",
  "Schmidt",
  "Iyer",
  "Chen",
  "Hassan",
  "Kowalski",
  "Berg",
  "Owusu",
  "Fernández",
  "Kim",
  "O'Brien",
  "Dlamini",
  "Silva",
  "Johansen",
];

/** Names written in their own scripts, for users whose profile is not in Latin script. */
export const NATIVE_NAMES: readonly string[] = [
  "محمد الفارسي",
  "נועה כהן",
  "张伟",
  "田中 愛子",
  "Ольга Иванова",
  "Δημήτρης Παπαδόπουλος",
  "김선희",
  "Zoë Ångström-Øberg",
];

export const CHAT_TITLES: readonly string[] = [
  "Product Requirements Discussion",
  "Draft NDA review",
  "Q3 revenue forecast model",
  "Refactor auth middleware",
  "Summarise board minutes",
  "Translate contract clause 7.2",
  "SQL query for churn cohort",
  "Incident postmortem 2026-03-14",
  "Marketing copy for launch",
  "Explain GDPR Article 17",
  "Vendor risk questionnaire",
  "Debug flaky CI job",
  "Pricing page A/B test ideas",
  "Customer email – escalation",
  "Data retention policy draft",
  "Kubernetes autoscaling question",
  "Employee handbook update",
  "Competitive analysis: Acme vs Globex",
  "Regex for invoice numbers",
  "Onboarding checklist",
  "ترجمة العقد إلى العربية",
  "סיכום פגישת צוות",
  "季度销售报告分析",
  "議事録の要約",
  "Анализ договора поставки",
  "Σύνοψη συνάντησης",
  "Trip planning 🧳✈️",
  "Résumé feedback",
  "Patent prior-art search",
  "Budget variance Q2",
];

export const USER_PROMPTS: readonly string[] = [
  "Can you help me draft requirements for our new dashboard feature?",
  "Please summarise the attached document in **five bullet points** and flag anything legally risky.",
  "Write a Python function that deduplicates invoices by `vendor_id` and `amount`, keeping the latest.",
  "What's the difference between `LEFT JOIN` and `LEFT OUTER JOIN`? Give an example.",
  "Rewrite this paragraph to sound more formal:\n\n> hey team, the launch slipped again, sorry!!",
  "Compare these two vendors in a table: price, SLA, data residency, SSO support.",
  'Translate to Japanese, keep the legal terms precise: "The licensee shall not sublicense the Software."',
  "Explain like I'm five: how does TLS certificate pinning work?",
  "Here is our error log, what is going wrong?\n\n```\nTypeError: Cannot read properties of undefined (reading 'map')\n    at render (Dashboard.tsx:42:17)\n```",
  "Give me a checklist for a SOC 2 Type II audit kickoff.",
  'Is this clause enforceable in California? "Employee agrees not to work for any competitor for 5 years."',
  "Draft a polite reply declining the meeting, in German and in French.",
  "Can you find the bug?\n\n```ts\nconst total = items.reduce((sum, i) => sum + i.price);\n```",
  "Plan a 3-day offsite agenda for 25 people 🗓️",
  "What does this regex do? `^(?=.*[A-Z])(?=.*\\d)[A-Za-z\\d@$!%*?&]{12,}$`",
];

export const ASSISTANT_REPLIES: readonly string[] = [
  "I'd be happy to help. Here is a first draft:\n\n## Goals\n\n1. Give reviewers a **single view** of activity\n2. Keep load times under *two seconds*\n3. Support export to CSV\n\n## Non-goals\n\n- Real-time collaboration\n- Mobile layout (phase 2)\n\nLet me know which section to expand.",
  'Here\'s a function that does this:\n\n```python\nfrom itertools import groupby\n\ndef dedupe(invoices):\n    key = lambda i: (i["vendor_id"], i["amount"])\n    latest = {}\n    for inv in sorted(invoices, key=lambda i: i["date"]):\n        latest[key(inv)] = inv\n    return list(latest.values())\n```\n\nIt runs in `O(n log n)` because of the sort.',
  "| Vendor | Price / seat | SLA | Data residency | SSO |\n|---|---:|---|---|:---:|\n| Acme | $12 | 99.9% | EU, US | ✅ |\n| Globex | $9 | 99.5% | US | ❌ |\n| Initech | $15 | 99.95% | EU | ✅ |\n\n**Recommendation:** Acme, if EU residency matters.",
  "In short: `LEFT JOIN` and `LEFT OUTER JOIN` are **the same** in standard SQL.\n\n```sql\nSELECT c.id, o.total\nFROM customers c\nLEFT JOIN orders o ON o.customer_id = c.id;\n```\n\nCustomers without orders appear with `NULL` totals.",
  "The bug: `reduce` has no initial value, so `sum` starts as the first *item object*.\n\n```ts\nconst total = items.reduce((sum, i) => sum + i.price, 0);\n```\n\nSee the [MDN reference](https://developer.mozilla.org/docs/Web/JavaScript/Reference/Global_Objects/Array/reduce).",
  "A non-compete of five years is almost certainly **unenforceable in California** (Business and Professions Code § 16600). Exceptions are narrow:\n\n- sale of a business\n- dissolution of a partnership\n\n> This is general information, not legal advice.",
  "Here's a checklist:\n\n- [x] Confirm audit window and auditor\n- [ ] Collect access reviews for the period\n- [ ] Export change-management tickets\n- [ ] Verify backup restore tests\n\n---\n\nWant me to turn this into a tracker?",
  "Sure! 🎉 Day 1: arrivals & welcome dinner. Day 2: strategy workshops (☕ breaks every 90 min). Day 3: team activity 🚣 and retro.",
  "The regex requires at least one uppercase letter and one digit, and 12 or more characters from the allowed set. Lookaheads `(?=...)` check conditions without consuming input.",
  "Certificate pinning means the app remembers *which* certificate (or public key) it expects, instead of trusting any certificate signed by a trusted CA. If an attacker presents a different cert — even a valid one — the connection is refused.",
];

export interface ScriptSample {
  lang: string;
  text: string;
}

export const MULTILINGUAL: readonly ScriptSample[] = [
  { lang: "ar", text: "مرحبًا! هل يمكنك مراجعة هذا العقد والتأكد من أن البند السابع يتوافق مع قانون حماية البيانات؟" },
  { lang: "he", text: "שלום, אפשר לסכם את הפגישה של יום שלישי? חשוב לציין את ההחלטות לגבי התקציב (Q3) ואת לוח הזמנים." },
  { lang: "zh", text: "请帮我总结这份季度销售报告，重点说明华东地区的增长原因，并用表格列出前五名客户。" },
  { lang: "ja", text: "この議事録を要約してください。決定事項と次のアクションを箇条書きでお願いします。" },
  { lang: "ru", text: "Проверьте, пожалуйста, договор поставки: нет ли в нём рисков для покупателя в разделе об ответственности?" },
  { lang: "el", text: "Μπορείς να συνοψίσεις τη συνάντηση και να προτείνεις τα επόμενα βήματα για την ομάδα;" },
  { lang: "mixed", text: 'Mixed bidi: the term "עסקה" (deal) and "صفقة" appear in clause 3 — 合同第3条 — ✅ reviewed 👍🏽 👨‍👩‍👧‍👦' },
  { lang: "emoji", text: "Status update 🚀🔥: shipped ✅, blocked ⛔ on legal 🧑‍⚖️, next steps 📋➡️ 🇯🇵🇧🇷🇿🇦" },
];

export const PROJECT_NAMES: readonly string[] = [
  "Q3 Product Launch",
  "Litigation Hold – Globex",
  "Vendor Due Diligence",
  "Engineering Onboarding",
  "Board Reporting 2026",
  "Marketing Website Refresh",
  "Data Protection Impact Assessment",
  "Sales Playbook",
  "M&A Target Review",
  "Research Literature Review",
  "契約レビュー",
  "مشروع الامتثال",
];

export const PROJECT_DESCRIPTIONS: readonly string[] = [
  "Planning and research for the Q3 launch",
  "Documents and chats relating to the Globex dispute. Privileged & confidential.",
  "Security questionnaires and contract redlines for new vendors.",
  "Everything a new engineer needs in their first two weeks.",
  "Quarterly board decks, minutes and KPI definitions.",
];

export const PROJECT_INSTRUCTIONS: readonly string[] = [
  "Focus on concise, actionable answers.",
  "Cite the clause number for every legal point. Use British English.",
  "When writing code, prefer TypeScript with strict mode and explain trade-offs in a short table.",
  "Answer in the language of the question. Summaries must be under 200 words.",
];

export interface McpIntegration {
  integration: string;
  url: string;
  tools: readonly string[];
}

export const MCP_INTEGRATIONS: readonly McpIntegration[] = [
  { integration: "Google Drive", url: "https://mcp.gdrive.example.com/mcp", tools: ["drive_search", "drive_read_file"] },
  { integration: "Linear", url: "https://mcp.linear.app/sse", tools: ["list_issues", "create_issue"] },
  { integration: "Internal Wiki", url: "https://wiki.acme.internal/mcp/v1", tools: ["wiki_search", "wiki_get_page"] },
];

export const BUILTIN_TOOLS: readonly string[] = ["web_search", "web_fetch", "repl", "code_execution"];

export const MODELS: readonly string[] = ["claude-opus-4-7", "claude-sonnet-4-6", "claude-opus-5", "claude-haiku-4-5", "claude-sonnet-4-5"];
