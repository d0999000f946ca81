using BenchmarkDotNet.Attributes;
using ColorizeBridge.Imaging.Codecs;
using ColorizeBridge.Imaging.Hints;
using ColorizeBridge.Imaging.LineArt;

namespace ColorizeBridge.Benchmarks.ImagePath;

/// <summary>Each image-path stage on the sample line art at 1024x1024 (1.05 MP), with allocations.</summary>
[MemoryDiagnoser]
public class ImagePathBenchmarks
{
    private ImagePathOperations _operations = null!;

    [GlobalSetup]
    public void Setup() => _operations = ImagePathOperations.FromSample(Paths.Samples, 1024);

    [Benchmark]
    public object PngDecode() => ImageDecoder.Decode(_operations.Png);

    /// <summary>In the decoded image, as the request path does; the copy back of the line art (a memcpy) is included.</summary>
    [Benchmark]
    public object Normalise()
    {
        _operations.LineArt.Pixels.CopyTo(_operations.Scratch.Pixels, 0);
        return LineArtLayer.FromImageInPlace(_operations.Scratch);
    }

    [Benchmark]
    public void FitToModel() => _operations.Plan.FitLine(_operations.Layer, _operations.LineInput);

    [Benchmark]
    public void RasteriseHints() => HintRasterizer.RasterizeInto(_operations.Plan, _operations.Hints, null, _operations.HintInput);

    [Benchmark]
    public object RestoreColour() => _operations.Plan.RestoreOutput(_operations.ModelOutput);

    /// <summary>Over the restored colour in place; the copy back of the colour (a memcpy) is included.</summary>
    [Benchmark]
    public void Composite()
    {
        _operations.Colour.Pixels.CopyTo(_operations.Scratch.Pixels, 0);
        LineArtCompositor.CompositeInPlace(_operations.Scratch, _operations.Layer);
    }

    [Benchmark]
    public object PngEncode() => ImageEncoder.EncodePng(_operations.Colour);
}
