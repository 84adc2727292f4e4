import { access } from "node:fs/promises";

/** Whether a file is there: the commands refuse to write over one unless told to. */
export const exists = (path: string): Promise<boolean> =>
  access(path).then(
    () => true,
    () => false,
  );
