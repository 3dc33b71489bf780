// The Google OAuth client id a deployer sets at build time
// (SHELF_GOOGLE_CLIENT_ID), written into the page as
// <meta name="shelf-google-client-id"> for the app (src/web/google_drive.rs
// reads it; without it the "Connect Google Drive" option is not shown).
// Called by the post-build hook (scripts/post-build.mjs).
//
// A client id is public (it travels in the OAuth URL), so it may sit in the
// page. Its shape is checked here so a typo fails the build, not a student's
// first sync: Google's web client ids are `<digits>-<letters and digits>.apps.googleusercontent.com`;
// the check takes any leading label of letters, digits and hyphens.

export const GOOGLE_CLIENT_META = 'shelf-google-client-id';

const SHAPE = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,150})\.apps\.googleusercontent\.com$/;

/**
 * The client id in `value` (the environment variable), or null when unset
 * or empty. Throws, naming the variable, when it is set but malformed.
 */
export function googleClientId(value) {
  const id = (value ?? '').trim();
  if (id === '') return null;
  if (!SHAPE.test(id)) {
    throw new Error(
      `SHELF_GOOGLE_CLIENT_ID is not a Google OAuth client id (expected <id>.apps.googleusercontent.com): ${JSON.stringify(id)}`,
    );
  }
  return id;
}

/** `html` with the client id's <meta> (once), or without one when `id` is null. */
export function withGoogleClient(html, id) {
  if (!html.includes('</head>')) throw new Error('index.html has no </head>');
  const earlier = new RegExp(`<meta name="${GOOGLE_CLIENT_META}" content="[^"]*">`, 'g');
  const cleaned = html.replace(earlier, '');
  if (id === null) return cleaned;
  // The shape check leaves nothing that needs escaping in an attribute.
  return cleaned.replace('</head>', () => `<meta name="${GOOGLE_CLIENT_META}" content="${id}"></head>`);
}
