using ColorizeBridge.PaintDotNet.Core;
using ColorizeBridge.PaintDotNet.Core.Requests;
using Grpc.Core;

namespace ColorizeBridge.PaintDotNet.Tests;

public sealed class ErrorMessagesTests
{
    private static readonly ColorizeSettings Settings = new() { ServerAddress = "gpu-box:50051", Model = "anime" };

    [Theory]
    [InlineData(StatusCode.Unavailable, "Cannot reach the ColorizeBridge server at gpu-box:50051")]
    [InlineData(StatusCode.Unauthenticated, "needs an access token")]
    [InlineData(StatusCode.NotFound, "does not have the model 'anime'")]
    [InlineData(StatusCode.InvalidArgument, "could not use this image")]
    [InlineData(StatusCode.ResourceExhausted, "Select a smaller area")]
    [InlineData(StatusCode.DeadlineExceeded, "took too long")]
    [InlineData(StatusCode.FailedPrecondition, "The model 'anime' is not ready")]
    [InlineData(StatusCode.Unimplemented, "is it a ColorizeBridge server?")]
    [InlineData(StatusCode.Internal, "reported an error (Internal)")]
    public void ForDialog_RpcStatus_SaysWhatHappenedInTheUsersTerms(StatusCode code, string expected)
    {
        DialogMessage message = ErrorMessages.ForDialog(new RpcException(new Status(code, "detail from server")), Settings);

        Assert.Equal("ColorizeBridge", message.Title);
        Assert.Contains(expected, message.Text);
        Assert.Contains("Detail from server.", message.Text);
    }

    [Fact]
    public void ForDialog_NoModelNamed_SpeaksOfTheDefaultModel()
    {
        DialogMessage message = ErrorMessages.ForDialog(new RpcException(new Status(StatusCode.NotFound, "")), Settings with { Model = "" });

        Assert.Contains("does not have the server's default model", message.Text);
        Assert.Contains("no details given", message.Text);
    }

    [Fact]
    public void ForDialog_BadAddress_ExplainsTheForm()
    {
        var error = new FormatException("server address 'gpu box' must be HOST:PORT");

        DialogMessage message = ErrorMessages.ForDialog(error, Settings with { ServerAddress = "gpu box" });

        Assert.Contains("'gpu box' is not a server address", message.Text);
        Assert.Contains("127.0.0.1:50051", message.Text);
    }

    [Fact]
    public void ForDialog_InvalidOperation_IsItsOwnMessageAsASentence()
    {
        DialogMessage message = ErrorMessages.ForDialog(new InvalidOperationException("add a layer of colour hints under it"), Settings);

        Assert.Equal("Add a layer of colour hints under it.", message.Text);
    }

    [Fact]
    public void ForDialog_Cancelled_SaysSo()
    {
        DialogMessage message = ErrorMessages.ForDialog(new OperationCanceledException(), Settings);

        Assert.Equal("Colorizing was cancelled.", message.Text);
    }

    [Fact]
    public void ForDialog_UnusableAnswer_NamesTheServer()
    {
        DialogMessage message = ErrorMessages.ForDialog(new InvalidDataException("the result is 1x1"), Settings);

        Assert.Equal("The server at gpu-box:50051 sent an answer the effect cannot use: The result is 1x1.", message.Text);
    }
}
