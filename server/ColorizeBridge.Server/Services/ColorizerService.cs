using System.Diagnostics;
using System.Threading.Channels;
using ColorizeBridge.Api.V1;
using ColorizeBridge.Engine;
using ColorizeBridge.Engine.Colorization;
using ColorizeBridge.Server.Observability;
using ColorizeBridge.Server.Security;
using Grpc.Core;

namespace ColorizeBridge.Server.Services;

/// <summary>
/// <c>colorizebridge.v1.Colorizer</c> over gRPC: a thin adapter from calls to
/// the <see cref="ColorizerEngine"/>, which holds the behaviour (and raises the
/// errors EngineErrorInterceptor maps to statuses) so the CLI's in-process mode behaves the same.
/// </summary>
internal sealed class ColorizerService(ColorizerEngine engine, ServerMetrics metrics) : Colorizer.ColorizerBase
{
    public override Task<ListModelsResponse> ListModels(ListModelsRequest request, ServerCallContext context) =>
        Task.FromResult(engine.ListModels());

    public override async Task Colorize(ColorizeRequest request, IServerStreamWriter<ColorizeUpdate> responseStream, ServerCallContext context)
    {
        var stages = new ColorizeStageTimer(metrics);
        await foreach (ColorizeUpdate update in engine.ColorizeAsync(request, ClientIdentity.Of(context), context.CancellationToken).ConfigureAwait(false))
        {
            stages.Observe(update);
            await responseStream.WriteAsync(update, context.CancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Reads hint changes as fast as they come and renders only the newest one
    /// whenever the device is free: a one-slot mailbox that drops the older
    /// state, so a fast brush never builds a backlog of stale previews.
    /// </summary>
    public override async Task PreviewHints(IAsyncStreamReader<PreviewRequest> requestStream, IServerStreamWriter<PreviewFrame> responseStream,
        ServerCallContext context)
    {
        CancellationToken cancellationToken = context.CancellationToken;
        if (!await requestStream.MoveNext(cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        PreviewRequest first = requestStream.Current;
        if (first.KindCase != PreviewRequest.KindOneofCase.Start)
        {
            throw new InvalidRequestException("start", "the first PreviewRequest must carry start (model, line_art, options); later ones carry hints");
        }

        PreviewSession session = engine.StartPreview(first.Start, ClientIdentity.Of(context));
        var newest = Channel.CreateBounded<(ulong Revision, Hints? Hints)>(
            new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true, SingleWriter = true });
        newest.Writer.TryWrite((first.Revision, first.Start.Hints));

        // The handler never returns with a read still pending: Kestrel would
        // then reuse the stream under it and break the connection's next call.
        using var stopReading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task reading = ReadChangesAsync(requestStream, session, first.Start.Hints, newest.Writer, stopReading.Token);
        try
        {
            await foreach ((ulong revision, Hints? hints) in newest.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                long renderStarted = Stopwatch.GetTimestamp();
                PreviewFrame frame = await session.RenderAsync(revision, hints, cancellationToken).ConfigureAwait(false);
                metrics.PreviewFrameRendered(Stopwatch.GetElapsedTime(renderStarted));
                await responseStream.WriteAsync(frame, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            await stopReading.CancelAsync().ConfigureAwait(false);
            await reading.ConfigureAwait(false);
        }
    }

    public override Task<ExtractLineArtResponse> ExtractLineArt(ExtractLineArtRequest request, ServerCallContext context) =>
        Task.Run(() => engine.ExtractLineArt(request), context.CancellationToken);

    /// <summary>Hint changes go to the mailbox; a new reference page replaces the session's and renders the current hints again.</summary>
    private static async Task ReadChangesAsync(IAsyncStreamReader<PreviewRequest> requestStream, PreviewSession session, Hints? hints,
        ChannelWriter<(ulong, Hints?)> newest, CancellationToken cancellationToken)
    {
        try
        {
            while (await requestStream.MoveNext(cancellationToken).ConfigureAwait(false))
            {
                PreviewRequest request = requestStream.Current;
                switch (request.KindCase)
                {
                    case PreviewRequest.KindOneofCase.Hints:
                        hints = request.Hints;
                        break;
                    case PreviewRequest.KindOneofCase.ReferencePage:
                        session.ReplaceReferencePage(request.ReferencePage);
                        break;
                    default:
                        throw new InvalidRequestException("hints",
                            $"PreviewRequest revision {request.Revision}: only the first request carries start; later ones carry hints or reference_page");
                }

                newest.TryWrite((request.Revision, hints));
            }

            newest.TryComplete();
        }
        catch (Exception e)
        {
            newest.TryComplete(e);
        }
    }
}
