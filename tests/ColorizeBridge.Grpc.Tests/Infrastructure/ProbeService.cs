using ColorizeBridge.Grpc.Tests.Probe;
using Google.Protobuf;

namespace ColorizeBridge.Grpc.Tests.Infrastructure;

/// <summary>colorizebridge.testing.Probe: methods that throw, sleep or move large messages, and report what their tokens saw.</summary>
public sealed class ProbeService
{
    public const string SecretDetail = "secret detail that must stay on the server";

    /// <summary>Completes when a Sleep call has begun.</summary>
    public TaskCompletionSource SleepStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when a Sleep call's CancellationToken fires.</summary>
    public TaskCompletionSource SleepCancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<ProbeReply> Throw(ProbeRequest request, ServerCallContext context) =>
        throw new InvalidOperationException(SecretDetail);

    public async Task<ProbeReply> Sleep(ProbeRequest request, ServerCallContext context)
    {
        using var registration = context.CancellationToken.Register(() => SleepCancelled.TrySetResult());
        SleepStarted.TrySetResult();
        await Task.Delay(request.SleepMs, context.CancellationToken);
        return new ProbeReply { Text = context.Deadline.ToString("O", System.Globalization.CultureInfo.InvariantCulture) };
    }

    public Task<ProbeReply> Blob(ProbeRequest request, ServerCallContext context) =>
        Task.FromResult(new ProbeReply
        {
            Blob = ByteString.CopyFrom(new byte[request.ReplyBlobSize]),
            ReceivedBlobSize = request.Blob.Length,
        });

    public async Task Count(ProbeRequest request, IServerStreamWriter<ProbeReply> responseStream, ServerCallContext context)
    {
        for (var i = 0; i < request.ReplyCount; i++)
        {
            await responseStream.WriteAsync(new ProbeReply { Text = i.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }

        if (request.Text.Length > 0)
        {
            throw new RpcException(new Status(StatusCode.Aborted, request.Text));
        }
    }

    /// <summary>Completes when Drip ends, with what ended it (null when it wrote everything).</summary>
    public TaskCompletionSource<Exception?> DripEnded { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task Drip(ProbeRequest request, IServerStreamWriter<ProbeReply> responseStream, ServerCallContext context)
    {
        try
        {
            for (var i = 0; i < request.ReplyCount; i++)
            {
                await Task.Delay(request.SleepMs, CancellationToken.None);
                await responseStream.WriteAsync(new ProbeReply { Text = "drip" }, CancellationToken.None);
            }

            DripEnded.TrySetResult(null);
        }
        catch (Exception exception)
        {
            DripEnded.TrySetResult(exception);
            throw;
        }
    }

    public async Task<ProbeReply> Collect(IAsyncStreamReader<ProbeRequest> requestStream, ServerCallContext context)
    {
        var texts = new List<string>();
        while (await requestStream.MoveNext())
        {
            texts.Add(requestStream.Current.Text);
        }

        return new ProbeReply { Text = string.Join(",", texts) };
    }

    public async Task Chat(IAsyncStreamReader<ProbeRequest> requestStream, IServerStreamWriter<ProbeReply> responseStream, ServerCallContext context)
    {
        while (await requestStream.MoveNext())
        {
            await responseStream.WriteAsync(new ProbeReply { Text = requestStream.Current.Text.ToUpperInvariant() });
        }
    }
}
