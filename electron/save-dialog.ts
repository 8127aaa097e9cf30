import { z } from 'zod';

/** The file name the renderer proposes for the native save dialog (the user picks the folder). */
export const saveDialogName = z
  .string({ error: 'defaultName must be text' })
  .min(1, 'defaultName is empty')
  .max(255, 'defaultName is over 255 characters')
  .refine((n) => !/[/\\\0]/.test(n), 'defaultName must be a file name, not a path');
