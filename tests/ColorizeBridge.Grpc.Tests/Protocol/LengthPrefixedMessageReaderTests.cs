using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Pipelines;
using ColorizeBridge.Grpc.Internal;
using Google.Protobuf;
using Grpc.Testing;

namespace ColorizeBridge.Grpc.Tests.Protocol;

public sealed class LengthPrefixedMessageReaderTests
{
    private const int Limit = 1024 * 1024;

    [Fact]
    public async Task Message_SplitByteByByte_IsReadWhole()
    {
        var expected = new SimpleRequest { ResponseSize = 7, Payload = new Payload { Body = ByteString.CopyFromUtf8("split me") } };
        var pipe = new Pipe();
        var reading = ReadAsync<SimpleRequest>(pipe.Reader).AsTask();

        foreach (var b in Frame(expected.ToByteArray()))
        {
            await pipe.Writer.WriteAsync(new[] { b });
        }

        var message = await reading;
        Assert.Equal(expected, message);
    }

    [Fact]
    public async Task SeveralMessagesInOneWrite_AreReadInOrder()
    {
        var pipe = new Pipe();
        var first = new SimpleRequest { ResponseSize = 1 };
        var second = new SimpleRequest { ResponseSize = 2 };
        await pipe.Writer.WriteAsync(Frame(first.ToByteArray()).Concat(Frame(second.ToByteArray())).ToArray());
        await pipe.Writer.CompleteAsync();

        var read = new List<SimpleRequest?>
        {
            await ReadAsync<SimpleRequest>(pipe.Reader), await ReadAsync<SimpleRequest>(pipe.Reader), await ReadAsync<SimpleRequest>(pipe.Reader),
        };

        Assert.Equal(new List<SimpleRequest?> { first, second, null }, read);
    }

    [Fact]
    public async Task ZeroLengthMessage_IsReadAsDefaultMessage()
    {
        var pipe = new Pipe();
        await pipe.Writer.WriteAsync(Frame([]));
        await pipe.Writer.CompleteAsync();

        var message = await ReadAsync<Empty>(pipe.Reader);

        Assert.Equal(new Empty(), message);
    }

    [Fact]
    public async Task CleanEndOfStream_ReturnsNull()
    {
        var pipe = new Pipe();
        await pipe.Writer.CompleteAsync();

        var message = await ReadAsync<Empty>(pipe.Reader);

        Assert.Null(message);
    }

    [Fact]
    public async Task LengthPrefixLargerThanLimit_ThrowsResourceExhaustedBeforeTheBodyArrives()
    {
        var pipe = new Pipe();
        var prefix = new byte[5];
        BinaryPrimitives.WriteUInt32BigEndian(prefix.AsSpan(1), Limit + 1);
        await pipe.Writer.WriteAsync(prefix);

        var error = await Assert.ThrowsAsync<RpcException>(() => ReadAsync<Empty>(pipe.Reader).AsTask().WaitAsync(TimeSpan.FromSeconds(5)));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task StreamEndingInsideAMessage_ThrowsInternal()
    {
        var pipe = new Pipe();
        await pipe.Writer.WriteAsync(Frame(new byte[10])[..8]);
        await pipe.Writer.CompleteAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => ReadAsync<Empty>(pipe.Reader).AsTask());

        Assert.Equal(StatusCode.Internal, error.StatusCode);
    }

    [Fact]
    public async Task StreamEndingInsideThePrefix_ThrowsInternal()
    {
        var pipe = new Pipe();
        await pipe.Writer.WriteAsync(new byte[] { 0, 0, 0 });
        await pipe.Writer.CompleteAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => ReadAsync<Empty>(pipe.Reader).AsTask());

        Assert.Equal(StatusCode.Internal, error.StatusCode);
    }

    [Fact]
    public async Task InvalidFlagByte_ThrowsInternal()
    {
        var pipe = new Pipe();
        var frame = Frame([]);
        frame[0] = 2;
        await pipe.Writer.WriteAsync(frame);

        var error = await Assert.ThrowsAsync<RpcException>(() => ReadAsync<Empty>(pipe.Reader).AsTask());

        Assert.Equal(StatusCode.Internal, error.StatusCode);
    }

    [Fact]
    public async Task GzipMessage_WithGzipEncoding_IsDecompressed()
    {
        var expected = new SimpleRequest { Payload = new Payload { Body = ByteString.CopyFrom(new byte[5000]) } };
        var pipe = new Pipe();
        await pipe.Writer.WriteAsync(Frame(Gzip(expected.ToByteArray()), compressed: true));

        var message = await ReadAsync<SimpleRequest>(pipe.Reader, "gzip");

        Assert.Equal(expected, message);
    }

    [Fact]
    public async Task CompressedFlag_WithoutEncoding_ThrowsInternal()
    {
        var pipe = new Pipe();
        await pipe.Writer.WriteAsync(Frame(Gzip([]), compressed: true));

        var error = await Assert.ThrowsAsync<RpcException>(() => ReadAsync<Empty>(pipe.Reader).AsTask());

        Assert.Equal(StatusCode.Internal, error.StatusCode);
    }

    [Fact]
    public async Task GzipMessage_InflatingPastTheLimit_ThrowsResourceExhausted()
    {
        var pipe = new Pipe();
        var bomb = new SimpleRequest { Payload = new Payload { Body = ByteString.CopyFrom(new byte[Limit * 2]) } };
        await pipe.Writer.WriteAsync(Frame(Gzip(bomb.ToByteArray()), compressed: true));

        var error = await Assert.ThrowsAsync<RpcException>(() => ReadAsync<SimpleRequest>(pipe.Reader, "gzip").AsTask());

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task GrpcWebTrailersFrame_EndsTheMessagesAndFillsTheTrailers()
    {
        var pipe = new Pipe();
        var trailers = System.Text.Encoding.ASCII.GetBytes("grpc-status: 0\r\nx-extra: yes\r\n");
        var frame = Frame(trailers);
        frame[0] = GrpcWebTrailersFrame.Flag;
        await pipe.Writer.WriteAsync(frame);
        var received = new List<KeyValuePair<string, string>>();

        var message = await LengthPrefixedMessageReader.ReadMessageAsync(pipe.Reader, Empty.Parser, Limit, null, default, received);

        Assert.Null(message);
        Assert.Equal([new("grpc-status", "0"), new("x-extra", "yes")], received);
    }

    internal static byte[] Frame(byte[] payload, bool compressed = false)
    {
        var frame = new byte[5 + payload.Length];
        frame[0] = compressed ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)payload.Length);
        payload.CopyTo(frame, 5);
        return frame;
    }

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    private static ValueTask<T?> ReadAsync<T>(PipeReader reader, string? encoding = null)
        where T : class, IMessage<T>, new() =>
        LengthPrefixedMessageReader.ReadMessageAsync(reader, new MessageParser<T>(() => new T()), Limit, encoding, default);
}
