using ColorizeBridge.Api.V1;
using ColorizeBridge.Engine.Images;
using ColorizeBridge.Engine.Models;
using ColorizeBridge.Engine.Scheduling;
using ColorizeBridge.Imaging.Geometry;
using ColorizeBridge.Imaging.LineArt;
using ColorizeBridge.Imaging.Pixels;
using ColorizeBridge.Inference;

namespace ColorizeBridge.Engine.Colorization;

/// <summary>
/// One live preview: the line art is decoded, normalised and fitted once at
/// the preview size; every hint change then costs one hint rasterisation, one
/// small forward and one small composite.
/// </summary>
public sealed class PreviewSession
{
    private readonly ColorizerEngine _engine;
    private readonly RegisteredModel _model;
    private readonly FitPlan _plan;
    private readonly TensorData _lineInput;
    private readonly LineArtLayer _previewLayer;
    private readonly PreviewOptions _options;
    private readonly string _client;
    private readonly ReferenceCache _references = new();

    internal PreviewSession(ColorizerEngine engine, RegisteredModel model, RgbaImage lineArt, int side, PreviewOptions options, string client)
    {
        _client = client;
        _engine = engine;
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
    }

    public int LineArtWidth { get; }

    public int LineArtHeight { get; }

    /// <summary>Renders the preview for <paramref name="hints"/> (hint coordinates in line-art pixels).</summary>
    public async Task<PreviewFrame> RenderAsync(ulong revision, Hints? hints, CancellationToken cancellationToken = default)
    {
        ModelManifest manifest = _model.Manifest!;
        RequestHints requestHints = RequestHints.Read(hints, "hints", LineArtWidth, LineArtHeight, manifest, _engine.Limits, _references);
        using var buffers = new RequestBuffers(_engine.TensorPool);
        IReadOnlyList<TensorData> inputs = ModelInputs.Create(manifest, _plan, _lineInput, requestHints, buffers);
        buffers.InFlight = true;
        TensorData output = await _engine.RunModelAsync(_model, inputs, WorkPriority.Interactive, _client, onPosition: null,
            cancellationToken, buffers.Rent).ConfigureAwait(false);
        buffers.InFlight = false;

        RgbaImage image = CropContent(output.Data.Span, _plan);
        if (_options.LineComposite != LineComposite.None)
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

    /// <summary>The model's [1,3,H,W] output in [-1,1], padding cropped, as opaque RGBA.</summary>
    private static RgbaImage CropContent(ReadOnlySpan<float> rgb, FitPlan plan)
    {
        var image = new RgbaImage(plan.ContentWidth, plan.ContentHeight);
        int plane = plan.WorkWidth * plan.WorkHeight;
        Span<byte> pixels = image.Pixels;
        for (int y = 0; y < plan.ContentHeight; y++)
        {
            int source = y * plan.WorkWidth;
            int target = y * plan.ContentWidth * 4;
            for (int x = 0; x < plan.ContentWidth; x++, source++, target += 4)
            {
                pixels[target] = ToByte(rgb[source]);
                pixels[target + 1] = ToByte(rgb[plane + source]);
                pixels[target + 2] = ToByte(rgb[(2 * plane) + source]);
                pixels[target + 3] = 255;
            }
        }

        return image;
    }

    private static byte ToByte(float value) => (byte)Math.Clamp((int)MathF.Round((value + 1f) * 127.5f), 0, 255);
}
