/** The local provider's sign-in form: plain HTML, system fonts, nothing loaded from elsewhere. */
const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

export function renderLoginPage(options: { uid: string; clientName: string; email?: string; error?: string }): string {
  const error = options.error ? `<p class="error" role="alert">${escapeHtml(options.error)}</p>` : "";
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Sign in · Docket demo identity provider</title>
<style>
body{font-family:system-ui,sans-serif;background:#f1f5f9;margin:0;display:grid;place-items:center;min-height:100vh;color:#0f172a}
main{background:#fff;padding:2rem;border-radius:.5rem;box-shadow:0 1px 3px #0002;width:22rem}
h1{font-size:1.25rem;margin:0 0 .25rem}p{color:#475569;font-size:.9rem}
label{display:block;font-size:.85rem;margin-top:1rem}input{width:100%;box-sizing:border-box;padding:.5rem;margin-top:.25rem;border:1px solid #cbd5e1;border-radius:.25rem}
button{margin-top:1.5rem;width:100%;padding:.6rem;background:#0f172a;color:#fff;border:0;border-radius:.25rem;font-weight:600}
.error{color:#b91c1c}
</style></head>
<body><main>
<h1>Docket demo identity provider</h1>
<p>Sign in to ${escapeHtml(options.clientName)}. Demo users: reviewer@, approver@, auditor@, admin@ and nobody@docket.test, password <code>docket</code>.</p>
${error}
<form method="post" action="/interaction/${encodeURIComponent(options.uid)}/login" autocomplete="off">
<label>Email<input name="email" type="email" required autofocus value="${escapeHtml(options.email ?? "")}"></label>
<label>Password<input name="password" type="password" required></label>
<button type="submit">Sign in</button>
</form>
</main></body></html>`;
}
