/**
 * Where intel/ finds and keeps its files. The entry points fill these from the environment
 * (engineEnv(): LEAD_STUDIO_CACHE, LEAD_STUDIO_MODEL_DIR, LEAD_STUDIO_MODEL_MIRROR, LEAD_STUDIO_CHROMA_BIN);
 * below them they arrive as options, so a test or a second engine can choose its own without
 * touching the process's environment.
 */
export interface IntelSettings {
  /** The per-user cache (downloaded models, the Chroma venv); default ~/.cache/lead-studio. */
  cacheDir?: string;
  /**
   * The models root the user chose: taken as their choice even when incomplete (so an error names
   * their folder) and where a download installs. Default: the bundled models, then the cache's.
   */
  modelDir?: string;
  /** Where a model download comes from, laid out like the Hugging Face hub (default the hub). */
  modelMirror?: string;
  /** A Chroma server binary to run instead of the provisioned venv's `chroma`. */
  chromaBin?: string;
}
