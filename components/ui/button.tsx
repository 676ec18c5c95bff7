import type { ButtonHTMLAttributes } from "react";

export type ButtonVariant = "primary" | "secondary" | "danger" | "outline-danger" | "quiet" | "link";
export type ButtonSize = "regular" | "small";

const VARIANTS: Record<ButtonVariant, string> = {
  primary: "bg-slate-900 text-white hover:bg-slate-700",
  // A toggle (aria-pressed) shows its pressed state as the primary colour.
  secondary: "border border-slate-300 bg-white text-slate-900 hover:bg-slate-100 aria-pressed:bg-slate-900 aria-pressed:text-white",
  danger: "bg-rose-700 text-white hover:bg-rose-800",
  // Opens a destructive flow that asks again before anything happens.
  "outline-danger": "border border-rose-300 bg-white text-rose-800 hover:bg-rose-50",
  quiet: "text-slate-600 hover:bg-slate-100",
  link: "text-slate-900 underline hover:text-slate-700",
};

const SIZES: Record<ButtonSize, string> = {
  regular: "rounded-md px-3 py-1.5 text-sm",
  small: "rounded px-2 py-0.5 text-xs",
};

/** The classes of a button, for an element that must be a link (a download) yet look like one. */
export function buttonClasses(variant: ButtonVariant = "secondary", size: ButtonSize = "regular"): string {
  // A link-like button keeps the text's own size and has no box.
  const box = variant === "link" ? (size === "small" ? "text-xs" : "text-sm") : SIZES[size];
  return `inline-block font-semibold disabled:cursor-not-allowed disabled:opacity-50 ${box} ${VARIANTS[variant]}`;
}

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant; size?: ButtonSize };

/** Every button of the console: a plain button unless it says it submits. */
export function Button({ variant, size, className, type = "button", ...props }: ButtonProps) {
  return <button type={type} className={`${buttonClasses(variant, size)} ${className ?? ""}`} {...props} />;
}
