interface ImportMetaEnv {
  /** The server address this build talks to by default (set in wxt.config.ts). */
  readonly WXT_PROFROST_SERVER_URL: string;
}
