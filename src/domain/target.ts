// A file path dealer may write to: only src/store/target.ts makes one, after checking that the file
// is not the book, one of its side files, a backup, a folder, a device or a pipe. Writers take this
// type, not a string, so no writer can skip the check.
export type Target = string & { readonly vetted: unique symbol };
