using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;
using ColorizeBridge.Grpc.Internal;
using Google.Protobuf;
using Grpc.Testing;

namespace ColorizeBridge.Grpc.Tests.Protocol;

public sealed class LengthPrefixedMessageWriterTests
{
    [Fact]
    public void UncompressedMessage_HasFlagZeroAndBigEndianLength()
    {
        var message = new SimpleRequest { ResponseSize = 300 };
        var output = new ArrayBufferWriter<byte>();

        LengthPrefixedMessageWriter.WriteMessage(output, message, compress: false, maxMessageSize: 1000);

        var frame = output.WrittenSpan;
        Assert.Equal(0, frame[0]);
        Assert.Equal((uint)message.CalculateSize(), BinaryPrimitives.ReadUInt32BigEndian(frame[1..5]));
        Assert.Equal(message.ToByteArray(), frame[5..].ToArray());
    }

    [Fact]
    public async Task CompressedMessage_HasFlagOneAndReadsBack()
    {
        var message = new SimpleRequest { Payload = new Payload { Body = ByteString.CopyFrom(new byte[10000]) } };
        var pipe = new Pipe();

        LengthPrefixedMessageWriter.WriteMessage(pipe.Writer, message, compress: true, maxMessageSize: 100000);
        await pipe.Writer.FlushAsync();
        await pipe.Writer.CompleteAsync();

        var written = (await pipe.Reader.ReadAsync()).Buffer;
        var flag = written.FirstSpan[0];
        var length = written.Length;
        pipe.Reader.AdvanceTo(written.Start);
        Assert.Equal(1, flag);
        Assert.True(length < 1000, "10000 zeros should compress well");
        var read = await LengthPrefixedMessageReader.ReadMessageAsync(pipe.Reader, SimpleRequest.Parser, 100000, "gzip", default);
        Assert.Equal(message, read);
    }

    [Fact]
    public void MessageLargerThanLimit_ThrowsResourceExhausted()
    {
        var message = new SimpleRequest { Payload = new Payload { Body = ByteString.CopyFrom(new byte[2000]) } };

        var error = Assert.Throws<RpcException>(() => LengthPrefixedMessageWriter.WriteMessage(new ArrayBufferWriter<byte>(), message, false, 1000));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }
}
