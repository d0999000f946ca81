using ColorizeBridge.Api.V1;
using ColorizeBridge.Engine.Images;
using ColorizeBridge.Imaging.LineArt;
using ColorizeBridge.Imaging.Matching;
using ColorizeBridge.Imaging.Pixels;
using ColorizeBridge.Imaging.Regions;

namespace ColorizeBridge.Engine.Colorization;

/// <summary>
/// A request's <c>reference_page</c> (issue 17): checked and decoded at once,
/// so bad input is refused before the model runs, and cut into regions (the
/// slow part) when <see cref="Measure"/> is called, typically while the model runs.
/// </summary>
internal sealed class ReferencePages
{
    /// <summary>The match confidence an unhinted region needs to take the reference's colour when the request leaves it 0.</summary>
    public const double DefaultMinMatchConfidence = 0.5;

    private readonly RgbaImage _lineArt;
    private readonly RgbaImage _colours;

    private ReferencePages(RgbaImage lineArt, RgbaImage colours)
    {
        _lineArt = lineArt;
        _colours = colours;
    }

    /// <summary>Decodes and checks <paramref name="page"/>, the request field <paramref name="field"/>.</summary>
    /// <exception cref="InvalidRequestException">An image is missing, undecodable or the two differ in size.</exception>
    /// <exception cref="ResourceExhaustedException">An image is over the server's limits.</exception>
    public static ReferencePages Decode(ReferencePage page, string field, EngineLimits limits)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (page.LineArt is null)
        {
            throw new InvalidRequestException($"{field}.line_art", $"{field}.line_art is missing: a reference page needs its line art and its colours");
        }

        if (page.Colours is null)
        {
            throw new InvalidRequestException($"{field}.colours",
                $"{field}.colours is missing: a reference page needs its coloured version (the composite or the flats layer) besides its line art");
        }

        RgbaImage lineArt = ApiImages.Decode(page.LineArt, $"{field}.line_art", limits);
        RgbaImage colours = ApiImages.Decode(page.Colours, $"{field}.colours", limits);
        if (colours.Width != lineArt.Width || colours.Height != lineArt.Height)
        {
            throw new InvalidRequestException($"{field}.colours",
                $"{field}.colours is {colours.Width}x{colours.Height} but {field}.line_art is {lineArt.Width}x{lineArt.Height}: send the coloured page at its line art's size");
        }

        return new ReferencePages(lineArt, colours);
    }

    /// <summary>The whole check and cut in one: for callers that keep the result (a preview session).</summary>
    public static ReferenceRegions Read(ReferencePage page, string field, RegionOptions regionOptions, EngineLimits limits) =>
        Decode(page, field, limits).Measure(regionOptions);

    /// <summary>
    /// The options.min_match_confidence a request asks for: 0 is the default
    /// (<see cref="DefaultMinMatchConfidence"/>); proto3 cannot tell unset from 0
    /// without <c>optional</c> (see <see cref="FlatsLayers.RegionOptionsFor"/>).
    /// </summary>
    /// <exception cref="InvalidRequestException">The value is outside 0 to 1.</exception>
    public static double MinConfidenceFor(ColorizeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        float value = options.MinMatchConfidence;
        if (!(value is >= 0 and <= 1))
        {
            throw new InvalidRequestException("options.min_match_confidence",
                $"options.min_match_confidence is {value}; it is a confidence from 0 to 1 (0 = the default, {DefaultMinMatchConfidence})");
        }

        return value == 0 ? DefaultMinMatchConfidence : value;
    }

    /// <summary>Cuts the reference's line art into regions (with the request's gap size) and reads each region's colour; call once (the line art becomes its layer in place).</summary>
    public ReferenceRegions Measure(RegionOptions regionOptions) =>
        ReferenceRegions.Create(RegionFinder.Find(LineArtLayer.FromImageInPlace(_lineArt), regionOptions), _colours);
}
