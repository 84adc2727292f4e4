/*
 * The Content-Security-Policy every page carries, as a <meta> tag (the add-in
 * is hosted on any static server, so it cannot rely on response headers).
 * Scripts, styles, data and frames come only from the page's own origin; a
 * production add-in also loads office.js from Microsoft's CDN, the one other
 * origin it needs. Inline script is refused. Styles allow 'unsafe-inline'
 * because Fluent UI inserts its generated CSS into <style> elements at run
 * time. Outside Office, office.js asks for a Microsoft telemetry page: the
 * policy stops that request leaving the machine.
 */
export const OFFICE_ORIGIN = "https://appsforoffice.microsoft.com";

export function contentSecurityPolicy(production = false): string {
  const office = production ? ` ${OFFICE_ORIGIN}` : "";
  return [
    "default-src 'self'",
    `script-src 'self'${office}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${office}`,
    "worker-src 'self' blob:",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join("; ");
}

export function contentSecurityPolicyMeta(production = false): string {
  return `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(production)}" />`;
}
