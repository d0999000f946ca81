using ColorizeBridge.Api.V1;
using ColorizeBridge.Cli.Output;

namespace ColorizeBridge.Cli.Tests.Output;

public sealed class ModelTableTests
{
    [Fact]
    public void Write_Models_AlignsColumnsAndMarksMissingValues()
    {
        var response = new ListModelsResponse
        {
            Models =
            {
                new ModelInfo { Name = "alacgan-ngf32", Version = "1.2.0", Kind = "hints", State = ModelState.Ready, Device = "cuda:0" },
                new ModelInfo { Name = "x", State = ModelState.Failed, Error = "model.pt is missing\n(see model.json)" },
                new ModelInfo { Name = "t", Version = "1.0.0", Kind = "tags", State = ModelState.Ready, Device = "cpu", Tags = { "red", "blue" } },
            },
        };
        using var output = new StringWriter();

        ModelTable.Write(output, response);

        string[] lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
        [
            "NAME           VERSION  KIND   STATE   DEVICE  TAGS      ERROR",
            "alacgan-ngf32  1.2.0    hints  READY   cuda:0  -         -",
            "x              -        -      FAILED  -       -         model.pt is missing (see model.json)",
            "t              1.0.0    tags   READY   cpu     red,blue  -",
        ], lines);
    }
}
