using System.Globalization;
using ColorizeBridge.Grpc.AspNetCore.Internal.Reflection;
using ColorizeBridge.Grpc.Tests.Infrastructure;
using Google.Protobuf.Reflection;
using Grpc.Testing;

namespace ColorizeBridge.Grpc.Tests.Server;

public sealed class ReflectionServiceTests(GrpcTestHostFixture fixture) : IClassFixture<GrpcTestHostFixture>
{
    [Theory]
    [InlineData("v1")]
    [InlineData("v1alpha")]
    public async Task GrpcioReflectionClient_ListsDescribesAndDecodesOurServices(string version)
    {
        var port = fixture.Host.Http2Address.Port.ToString(CultureInfo.InvariantCulture);

        var result = await PythonScript.RunAsync(
            "reflection_client.py", ["--server_port", port, "--version", version, "--service", "grpc.testing.TestService"], TimeSpan.FromSeconds(60));

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public void FileContainingSymbol_ReturnsTheFileFirst_ThenItsTransitiveDependencies()
    {
        var index = new ReflectionIndex([TestReflection.Descriptor.Services[0]]);

        var answer = index.Answer(ReflectionQuery.FileContainingSymbol, "grpc.testing.SimpleRequest");

        var files = Assert.IsType<ReflectionAnswer.Files>(answer);
        var names = files.FileDescriptorProtos.Select(bytes => FileDescriptorProto.Parser.ParseFrom(bytes).Name).ToList();
        Assert.Equal("grpc/testing/messages.proto", names[0]);
        Assert.Single(names);
    }

    [Fact]
    public void FileByFilename_IncludesEveryImport()
    {
        var index = new ReflectionIndex([TestReflection.Descriptor.Services[0]]);

        var answer = index.Answer(ReflectionQuery.FileByFilename, "grpc/testing/test.proto");

        var files = Assert.IsType<ReflectionAnswer.Files>(answer);
        var names = files.FileDescriptorProtos.Select(bytes => FileDescriptorProto.Parser.ParseFrom(bytes).Name).ToList();
        Assert.Equal(["grpc/testing/test.proto", "grpc/testing/empty.proto", "grpc/testing/messages.proto"], names);
    }

    [Theory]
    [InlineData(nameof(ReflectionQuery.FileContainingSymbol), "no.such.Symbol")]
    [InlineData(nameof(ReflectionQuery.FileByFilename), "no/such.proto")]
    [InlineData(nameof(ReflectionQuery.AllExtensionNumbersOfType), "no.such.Message")]
    public void UnknownNames_AreNotFound(string query, string argument)
    {
        var index = new ReflectionIndex([TestReflection.Descriptor.Services[0]]);

        var answer = index.Answer(Enum.Parse<ReflectionQuery>(query), argument);

        Assert.Equal(StatusCode.NotFound, Assert.IsType<ReflectionAnswer.Error>(answer).Code);
    }
}
