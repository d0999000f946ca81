using System.Buffers;
using ColorizeBridge.Api.V1;
using ColorizeBridge.Engine.Colorization.Conditions;
using ColorizeBridge.Engine.Images;
using ColorizeBridge.Engine.Models;
using ColorizeBridge.Engine.Scheduling;
using ColorizeBridge.Imaging.Flats;
using ColorizeBridge.Imaging.Geometry;
using ColorizeBridge.Imaging.Hints;
using ColorizeBridge.Imaging.LineArt;
using ColorizeBridge.Imaging.Matching;
using ColorizeBridge.Imaging.Pixels;
using ColorizeBridge.Imaging.Regions;
using ColorizeBridge.Inference;

namespace ColorizeBridge.Engine.Colorization;

/// <summary>
/// One live preview: the line art is decoded, normalised and fitted once at
/// the preview size; every hint change then costs one hint rasterisation, one
/// small forward and one small composite. With a reference page (issue 17)
/// the frames are flats steered by it, as Colorize paints them: the preview's
/// regions are cut once, the reference's once per reference, and they are
/// matched once per reference.
/// </summary>
public sealed class PreviewSession
{
    private readonly ModelRunner _runner;
    private readonly ArrayPool<float> _tensorPool;
    private readonly EngineLimits _limits;
    private readonly RegisteredModel _model;
    private readonly FitPlan _plan;
    private readonly TensorData _lineInput;
    private readonly LineArtLayer _previewLayer;
    private readonly PreviewOptions _options;
    private readonly string _client;
    private readonly ReferenceCache _references = new();
    private readonly Lazy<RegionMap> _previewRegions;
    private readonly object _referenceGate = new();
    private RegionMatches? _matches;
    private ReferenceRegions? _referencePage;

    /// <param name="runner">Runs the forwards, on the same device queues as Colorize calls.</param>
    /// <param name="tensorPool">Where each frame rents its tensor buffers (<see cref="RequestBuffers"/>).</param>
    /// <param name="limits">What the hints of each frame may hold.</param>
    /// <param name="referencePage">The session's first reference page, or null.</param>
    internal PreviewSession(ModelRunner runner, ArrayPool<float> tensorPool, EngineLimits limits, RegisteredModel model, RgbaImage lineArt, int side,
        PreviewOptions options, string client, ReferenceRegions? referencePage = null)
    {
        _client = client;
        _runner = runner;
        _tensorPool = tensorPool;
        _limits = limits;
        _model = model;
        _options = options;
        // The model works at the preview size, so the content part of its
        // output already is the preview: no upscaling to the canvas size. The
        // session keeps only preview-sized things: the full-size layer is made
        // in the decoded image, read once for the line input and dropped.
        LineArtWidth = lineArt.Width;
        LineArtHeight = lineArt.Height;
        FitPlan plan = PreparedLineArt.PlanFor(lineArt.Width, lineArt.Height, model.Manifest!, side);
        _previewLayer = LineArtLayer.FromImage(Resampler.Resize(lineArt, plan.ContentWidth, plan.ContentHeight));
        PreparedLineArt prepared = PreparedLineArt.Create(lineArt, model.Manifest!, side, inPlace: true);
        (_plan, _lineInput) = (prepared.Plan, prepared.LineInput);
        _previewRegions = new Lazy<RegionMap>(() => RegionFinder.Find(_previewLayer));
        _referencePage = referencePage;
    }

    public int LineArtWidth { get; }

    public int LineArtHeight { get; }

    /// <summary>Replaces the session's reference page (<c>PreviewRequest.reference_page</c>): decoded, checked and cut into regions now.</summary>
    /// <exception cref="InvalidRequestException">The page is incomplete, undecodable or its images differ in size.</exception>
    public void ReplaceReferencePage(ReferencePage page)
    {
        ReferenceRegions reference = ReferencePages.Read(page, "reference_page", RegionOptions.Default, _limits);
        lock (_referenceGate)
        {
            (_referencePage, _matches) = (reference, null);
        }
    }

    /// <summary>Renders the preview for <paramref name="hints"/> (hint coordinates in line-art pixels).</summary>
    public async Task<PreviewFrame> RenderAsync(ulong revision, Hints? hints, CancellationToken cancellationToken = default)
    {
        ModelManifest manifest = _model.Manifest!;
        RequestConditions conditions = RequestConditions.Read(hints, "hints", LineArtWidth, LineArtHeight, manifest, _limits, _references);
        using var buffers = new RequestBuffers(_tensorPool);
        IReadOnlyList<TensorData> inputs = ModelInputs.Create(manifest, _plan, _lineInput, conditions, buffers);
        TensorData output = await _runner.RunAsync(_model, inputs, buffers, WorkPriority.Interactive, _client, onPosition: null,
            cancellationToken).ConfigureAwait(false);

        RgbaImage image = _plan.CropContent(output.Data.Span);
        if (Matches() is { } matches)
        {
            RgbaImage? hintCanvas = HintCanvas.ComposeAt(conditions.HintLayer, conditions.Strokes, LineArtWidth, LineArtHeight, image.Width, image.Height);
            FlatsResult flats = FlatPainter.Paint(matches.Page, hintCanvas, image, steered: matches.ColoursAtLeast(ReferencePages.DefaultMinMatchConfidence));
            image = LayerCompositor.Composite(flats, _options.LineComposite == LineComposite.None ? null : _previewLayer);
        }
        else if (_options.LineComposite != LineComposite.None)
        {
            LineArtCompositor.CompositeInPlace(image, _previewLayer);
        }

        return new PreviewFrame
        {
            Revision = revision,
            Image = ApiImages.Encode(image, _options.OutputFormat),
            Width = (uint)image.Width,
            Height = (uint)image.Height,
        };
    }

    /// <summary>The preview's regions matched to the current reference page, matched once per page; null without one.</summary>
    private RegionMatches? Matches()
    {
        ReferenceRegions? reference;
        lock (_referenceGate)
        {
            if (_matches is not null || _referencePage is null)
            {
                return _matches;
            }

            reference = _referencePage;
        }

        RegionMatches matches = RegionMatcher.Match(reference, _previewRegions.Value);
        lock (_referenceGate)
        {
            // A page replaced meanwhile wins; its matches come on the next frame.
            if (ReferenceEquals(_referencePage, reference))
            {
                _matches = matches;
            }
        }

        return matches;
    }
}
