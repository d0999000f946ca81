using System.Buffers;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using ColorizeBridge.Api.V1;
using ColorizeBridge.Engine.Colorization.Conditions;
using ColorizeBridge.Engine.Images;
using ColorizeBridge.Engine.Models;
using ColorizeBridge.Engine.Scheduling;
using ColorizeBridge.Imaging.Flats;
using ColorizeBridge.Imaging.Hints;
using ColorizeBridge.Imaging.LineArt;
using ColorizeBridge.Imaging.Matching;
using ColorizeBridge.Imaging.Pixels;
using ColorizeBridge.Imaging.Regions;
using ColorizeBridge.Inference;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ColorizeBridge.Engine.Colorization;

/// <summary>
/// The Colorizer service's behaviour, independent of transport: the gRPC
/// server and the CLI's in-process mode both call it. Requests and answers are
/// the API contract's messages; failures are <see cref="EngineException"/>s
/// (EngineErrors.cs) whose message tells the caller what to change.
/// </summary>
public sealed class ColorizerEngine : IDisposable
{
    private readonly ModelRegistry _registry;
    private readonly EngineLimits _limits;
    private readonly ILogger _logger;
    private readonly ModelRunner _runner = new();

    public ColorizerEngine(ModelRegistry registry, EngineLimits? limits = null, ILogger<ColorizerEngine>? logger = null)
    {
        _registry = registry;
        _limits = limits ?? new EngineLimits();
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    public ModelRegistry Registry => _registry;

    public EngineLimits Limits => _limits;

    /// <summary>Whether requests for a model on the CPU may share a forward: see <see cref="ModelRunner.BatchOnCpu"/>.</summary>
    public bool BatchOnCpu
    {
        get => _runner.BatchOnCpu;
        // No queue exists before the first request, so the runner is simply made anew with the rule.
        init => _runner = new ModelRunner { BatchOnCpu = value };
    }

    /// <summary>Every forward any device queue ran (see <see cref="InferenceQueue.ForwardCompleted"/>), raised on that queue's thread.</summary>
    public event Action<ForwardTiming>? ForwardCompleted
    {
        add => _runner.ForwardCompleted += value;
        remove => _runner.ForwardCompleted -= value;
    }

    /// <summary>Where requests rent their tensor buffers (<see cref="RequestBuffers"/>); tests count what comes back.</summary>
    internal ArrayPool<float> TensorPool { get; init; } = ArrayPool<float>.Shared;

    public ListModelsResponse ListModels()
    {
        var response = new ListModelsResponse { DefaultModel = _registry.DefaultModelName ?? "" };
        foreach (RegisteredModel model in _registry.Models)
        {
            var info = new ModelInfo
            {
                Name = model.Name,
                State = model.State switch
                {
                    ModelLoadState.Ready => ModelState.Ready,
                    ModelLoadState.Loading => ModelState.Loading,
                    _ => ModelState.Failed,
                },
                Error = model.Error ?? "",
                Device = model.Device ?? "",
            };
            if (model.Manifest is { } manifest)
            {
                info.Version = manifest.Version;
                info.Kind = manifest.Kind;
                info.Description = manifest.Description;
                info.Tags.AddRange(manifest.Tags);
                info.SizeRules = new SizeRules
                {
                    MultipleOf = (uint)manifest.SizeRules.MultipleOf,
                    MinSide = (uint)manifest.SizeRules.MinSide,
                    MaxSide = (uint)manifest.SizeRules.MaxSide,
                    PreferredSide = (uint)manifest.SizeRules.PreferredSide,
                };
            }

            response.Models.Add(info);
        }

        return response;
    }

    /// <summary>
    /// Colours one line art: yields <c>queued</c> while waiting for the device,
    /// <c>progress</c> per stage, then the <c>result</c>.
    /// </summary>
    /// <param name="client">Who asks (peer address or token hash): clients take turns on the device.</param>
    public async IAsyncEnumerable<ColorizeUpdate> ColorizeAsync(ColorizeRequest request, string client = "",
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var updates = Channel.CreateUnbounded<ColorizeUpdate>(new UnboundedChannelOptions { SingleReader = true });
        Task work = Task.Run(async () =>
        {
            try
            {
                await RunColorizeAsync(request, client, updates.Writer, cancellationToken).ConfigureAwait(false);
                updates.Writer.TryComplete();
            }
            catch (Exception e)
            {
                updates.Writer.TryComplete(e);
            }
        }, CancellationToken.None);

        await foreach (ColorizeUpdate update in updates.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
        {
            yield return update;
        }

        await work.ConfigureAwait(false);
    }

    /// <summary>Starts a live preview: the line art is prepared once, each hint change is one forward.</summary>
    /// <param name="client">Who asks, as for <see cref="ColorizeAsync"/>.</param>
    public PreviewSession StartPreview(PreviewStart start, string client = "")
    {
        ArgumentNullException.ThrowIfNull(start);
        RegisteredModel model = _registry.Resolve(start.Model);
        PreviewOptions options = start.Options ?? new PreviewOptions();
        int side = options.MaxSide == 0 ? 256 : (int)options.MaxSide;
        if (side > _limits.MaxPreviewSide)
        {
            throw new InvalidRequestException("start.options.max_side", $"start.options.max_side is {side}; previews are at most {_limits.MaxPreviewSide} pixels a side");
        }

        RgbaImage lineArt = ApiImages.Decode(start.LineArt, "start.line_art", _limits);
        ReferenceRegions? reference = start.ReferencePage is null ? null
            : ReferencePages.Read(start.ReferencePage, "start.reference_page", RegionOptions.Default, _limits);
        return new PreviewSession(_runner, TensorPool, _limits, model, lineArt, side, options, client, reference);
    }

    /// <summary>Turns a drawing or scan into clean black-on-white line art.</summary>
    public ExtractLineArtResponse ExtractLineArt(ExtractLineArtRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        RgbaImage image = ApiImages.Decode(request.Image, "image", _limits);
        GrayImage lines = LineArtExtraction.Extract(image, request);
        return new ExtractLineArtResponse { LineArt = ApiImages.Encode(lines.ToRgba(), request.OutputFormat) };
    }

    public void Dispose() => _runner.Dispose();

    /// <summary>Waiting works per device, for metrics.</summary>
    public IReadOnlyDictionary<string, int> QueueDepths => _runner.QueueDepths;

    /// <summary>Forwards run per device and the works they carried (works / forwards = mean batch size), for metrics.</summary>
    public IReadOnlyDictionary<string, (long Forwards, long Works)> QueueTotals => _runner.QueueTotals;

    private async Task RunColorizeAsync(ColorizeRequest request, string client, ChannelWriter<ColorizeUpdate> updates,
        CancellationToken cancellationToken)
    {
        var total = Stopwatch.StartNew();
        RegisteredModel model = _registry.Resolve(request.Model);
        ModelManifest manifest = model.Manifest!;
        ColorizeOptions options = request.Options ?? new ColorizeOptions();
        if (options.WorkSide != 0 && (options.WorkSide < manifest.SizeRules.MinSide || options.WorkSide > manifest.SizeRules.MaxSide))
        {
            throw new InvalidRequestException("options.work_side",
                $"options.work_side is {options.WorkSide}; model '{model.Name}' works at {manifest.SizeRules.MinSide}..{manifest.SizeRules.MaxSide} (0 = its preferred {manifest.SizeRules.PreferredSide})");
        }

        // Flats unless the caller asks for the model's own colour (issue 16).
        RegionOptions? regionOptions = options.ModelColourOnly ? null : FlatsLayers.RegionOptionsFor(options);
        if (request.ReferencePage is not null && regionOptions is null)
        {
            throw new InvalidRequestException("reference_page",
                "reference_page steers the flats, and options.model_colour_only turns them off: send one or the other");
        }

        double minMatchConfidence = ReferencePages.MinConfidenceFor(options);

        void Progress(float fraction, string stage) =>
            updates.TryWrite(new ColorizeUpdate { Progress = new Progress { Fraction = fraction, Stage = stage } });

        Progress(0f, "decode");
        // The decoded line art becomes the line layer in place, the restored
        // colour becomes the composite in place, and the tensors live in pooled
        // buffers given back at the end: see docs/BENCHMARKS.md for what is left.
        using var buffers = new RequestBuffers(TensorPool);
        RgbaImage lineArt = ApiImages.Decode(request.LineArt, "line_art", _limits);
        RequestConditions hints = RequestConditions.Read(request.Hints, "hints", lineArt.Width, lineArt.Height, manifest, _limits);
        ReferencePages? referencePage = request.ReferencePage is null ? null : ReferencePages.Decode(request.ReferencePage, "reference_page", _limits);
        cancellationToken.ThrowIfCancellationRequested();

        Progress(0.1f, "prepare");
        PreparedLineArt prepared = PreparedLineArt.Create(lineArt, manifest, (int)options.WorkSide, buffers, inPlace: true);
        IReadOnlyList<TensorData> inputs = ModelInputs.Create(manifest, prepared, hints, buffers);
        cancellationToken.ThrowIfCancellationRequested();

        // The regions need only the line art: cut while the model runs (the layer is read, never written, from here on).
        Task<RegionMap>? regions = regionOptions is null ? null
            : Task.Run(() => RegionFinder.Find(prepared.Layer, regionOptions), CancellationToken.None);
        Task<ReferenceRegions>? reference = referencePage is null ? null
            : Task.Run(() => referencePage.Measure(regionOptions!), CancellationToken.None);

        Progress(0.2f, "model");
        var modelTime = Stopwatch.StartNew();
        TensorData output = await _runner.RunAsync(model, inputs, buffers, WorkPriority.Batch, client,
            position => updates.TryWrite(new ColorizeUpdate { Queued = new Queued { Position = (uint)position } }),
            cancellationToken).ConfigureAwait(false);
        long modelMs = modelTime.ElapsedMilliseconds;

        Progress(0.8f, "composite");
        RgbaImage colour = prepared.Plan.RestoreOutput(output.Data.Span);
        var result = new ColorizeResult
        {
            Recipe = new Recipe
            {
                Model = manifest.Name,
                Version = manifest.Version,
                Seed = options.Seed,
                WorkWidth = (uint)prepared.Plan.WorkWidth,
                WorkHeight = (uint)prepared.Plan.WorkHeight,
            },
        };
        if (regions is not null)
        {
            RgbaImage? hintCanvas = HintCanvas.Compose(hints.HintLayer, hints.Strokes, lineArt.Width, lineArt.Height);
            RegionMap pageRegions = await regions.ConfigureAwait(false);
            RegionMatches? matches = reference is null ? null : RegionMatcher.Match(await reference.ConfigureAwait(false), pageRegions);
            FlatsResult flats = FlatPainter.Paint(pageRegions, hintCanvas, colour, steered: matches?.ColoursAtLeast(minMatchConfidence));
            cancellationToken.ThrowIfCancellationRequested();
            Progress(0.9f, "encode");
            FlatsLayers.Fill(result, flats, prepared.Layer, options, matches);
        }
        else
        {
            FillModelColour(result, colour, prepared.Layer, options, cancellationToken, Progress);
        }

        updates.TryWrite(new ColorizeUpdate { Result = result });
        EngineLog.Colorized(_logger, lineArt.Width, lineArt.Height, manifest.Name, prepared.Plan.WorkWidth, prepared.Plan.WorkHeight,
            total.ElapsedMilliseconds, modelMs);
    }

    /// <summary>The model's own colour under the lines (options.model_colour_only), with layers "colour" and "line art".</summary>
    private static void FillModelColour(ColorizeResult result, RgbaImage colour, LineArtLayer lineArt, ColorizeOptions options,
        CancellationToken cancellationToken, Action<float, string> progress)
    {
        RgbaImage image = colour;
        if (options.ReturnLayers)
        {
            // The flat colour is a layer of its own: the composite needs a second image.
            if (options.LineComposite != LineComposite.None)
            {
                image = LineArtCompositor.Composite(colour, lineArt).Image;
            }
        }
        else if (options.LineComposite != LineComposite.None)
        {
            LineArtCompositor.CompositeInPlace(colour, lineArt);
        }

        cancellationToken.ThrowIfCancellationRequested();
        progress(0.9f, "encode");
        result.Image = ApiImages.Encode(image, options.OutputFormat);
        if (options.ReturnLayers)
        {
            result.Layers.Add(new Layer { Name = "colour", Image = ApiImages.Encode(colour, options.OutputFormat) });
            result.Layers.Add(new Layer { Name = "line art", Image = ApiImages.Encode(lineArt.Layer, options.OutputFormat) });
        }
    }
}
