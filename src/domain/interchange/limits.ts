/** The largest import file, in characters (about its size in bytes): the dialog says so before uploading. */
export const MAX_IMPORT_CHARS = 20_000_000;
export const MAX_IMPORT_TEXT = "20 MB";
