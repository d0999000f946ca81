using BenchmarkDotNet.Attributes;
using ColorizeBridge.Imaging.Hints;
using ColorizeBridge.Imaging.LineArt;
using ColorizeBridge.Imaging.Png;

namespace ColorizeBridge.Benchmarks.ImagePath;

/// <summary>Each image-path stage on the sample line art at 1024x1024 (1.05 MP), with allocations.</summary>
[MemoryDiagnoser]
public class ImagePathBenchmarks
{
    private ImagePathOperations _operations = null!;

    [GlobalSetup]
    public void Setup() => _operations = ImagePathOperations.FromSample(Paths.Samples, 1024);

    [Benchmark]
    public object PngDecode() => PngDecoder.Decode(_operations.Png);

    [Benchmark]
    public object Normalise() => LineArtLayer.FromImage(_operations.LineArt);

    [Benchmark]
    public object FitToModel() => _operations.Plan.FitLine(_operations.Layer.ModelGrey);

    [Benchmark]
    public object RasteriseHints() => HintRasterizer.Rasterize(_operations.Plan, _operations.Hints);

    [Benchmark]
    public object RestoreColour() => _operations.Plan.RestoreOutput(_operations.ModelOutput);

    [Benchmark]
    public object Composite() => LineArtCompositor.Composite(_operations.Colour, _operations.Layer);

    [Benchmark]
    public object PngEncode() => PngEncoder.Encode(_operations.Colour);
}
