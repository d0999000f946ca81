using ColorizeBridge.Cli.Output;
using Grpc.Core;

namespace ColorizeBridge.Cli.Tests.Output;

public sealed class RequestFilesTests
{
    private static RpcException Error(StatusCode code, string detail) => new(new Status(code, detail));

    [Fact]
    public void InUsersWords_PngFieldError_NamesTheUsersFile()
    {
        var files = new RequestFiles().With("line_art", "pages/p1.gif").With("hints.hint_layer", "pages/p1.hints.png");

        RpcException error = files.InUsersWords(Error(StatusCode.InvalidArgument, "line_art.png: This is a GIF image, which is not accepted"));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("pages/p1.gif: This is a GIF image, which is not accepted", error.Status.Detail);
    }

    [Fact]
    public void InUsersWords_NestedField_NamesTheFileOfThatField()
    {
        var files = new RequestFiles().With("line_art", "a.png").With("hints.hint_layer", "a.hints.png");

        RpcException error = files.InUsersWords(Error(StatusCode.InvalidArgument, "hints.hint_layer is 10x10 but the line art is 20x20"));

        Assert.Equal("a.hints.png is 10x10 but the line art is 20x20", error.Status.Detail);
    }

    [Fact]
    public void InUsersWords_RawSubField_NamesTheFile()
    {
        var files = new RequestFiles().With("image", "scan.png");

        RpcException error = files.InUsersWords(Error(StatusCode.ResourceExhausted, "image.raw.pixels: too many"));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Equal("scan.png: too many", error.Status.Detail);
    }

    [Fact]
    public void InUsersWords_FieldOnlyAsAPrefixOfAnotherWord_LeavesTheErrorAlone()
    {
        var files = new RequestFiles().With("line_art", "a.png");
        RpcException original = Error(StatusCode.InvalidArgument, "line_artwork is not a field");

        Assert.Same(original, files.InUsersWords(original));
    }

    [Fact]
    public void InUsersWords_FieldWithoutAFile_LeavesTheErrorAlone()
    {
        var files = new RequestFiles().With("line_art", "a.png").With("hints.reference", null);
        RpcException original = Error(StatusCode.InvalidArgument, "hints.reference.png: Not an image");

        Assert.Same(original, files.InUsersWords(original));
    }
}
