namespace ColorizeBridge.Benchmarks.EndToEnd;

/// <param name="ModelsDirectory">The server's models folder.</param>
/// <param name="Model">Model to measure; null = the folder's default.</param>
/// <param name="Iterations">Timed calls per figure (after two warm-up calls).</param>
/// <param name="Sizes">Square line-art sides for the Colorize figures; the model works at that size.</param>
/// <param name="Device">auto, cpu or cuda[:N].</param>
/// <param name="Smoke">A CI-sized run: Colorize overhead at the first size only.</param>
internal sealed record HarnessOptions(string ModelsDirectory, string? Model, int Iterations, int[] Sizes, string Device, bool Smoke);
