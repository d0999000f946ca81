namespace ColorizeBridge.Cli.Commands;

/// <summary>
/// A coloured page that steers the next (issue 17: the request's
/// <c>reference_page</c>): its line art and its colours (a coloured composite
/// or a flats layer), as files, so a resumed run finds them again on disk.
/// </summary>
internal sealed record PageReference(string LinesFile, string ColoursFile);

/// <summary>How a folder run passes colours from page to page.</summary>
internal enum SequenceMode
{
    /// <summary>Each file alone (steered by --reference-lines/--reference-colours when given).</summary>
    None,

    /// <summary>Pages in natural name order; the named reference, or else the first page's result, steers every later page.</summary>
    Sequence,

    /// <summary>Pages in natural name order; each page is steered by the previous page's result (the first by the named reference, if any).</summary>
    Chain,
}
