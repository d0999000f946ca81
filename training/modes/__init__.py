"""The hint modes of issue 8 besides dots and strokes: what each mode derives from
a training image (the condition), and how a user's request becomes the same
tensor. Registered by name so the loop, evaluation and export stay generic."""
