using System.Buffers;
using ColorizeBridge.Api.V1;
using ColorizeBridge.Engine.Colorization;
using ColorizeBridge.Engine.Models;
using ColorizeBridge.Engine.Tests.Support;
using ColorizeBridge.Imaging.Codecs;
using ColorizeBridge.Imaging.LineArt;
using ColorizeBridge.Imaging.Pixels;
using ColorizeBridge.Inference.OnnxRuntime;
using Google.Protobuf;

namespace ColorizeBridge.Engine.Tests.Colorization;

/// <summary>
/// A request's tensors live in pooled buffers that go back when it ends, and
/// the copy-free composite gives what the layered one gives, byte for byte.
/// </summary>
public sealed class RequestBuffersTests : IDisposable
{
    private readonly ModelFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>Hands out fresh arrays and counts those not yet returned (thread-safe: the inference worker rents too).</summary>
    private sealed class CountingPool : ArrayPool<float>
    {
        private int _outstanding;
        private int _rents;

        public int Outstanding => Volatile.Read(ref _outstanding);

        public int Rents => Volatile.Read(ref _rents);

        public override float[] Rent(int minimumLength)
        {
            Interlocked.Increment(ref _outstanding);
            Interlocked.Increment(ref _rents);
            var array = new float[minimumLength + 3]; // longer than asked, as real pools give
            Array.Fill(array, float.NaN);
            return array;
        }

        public override void Return(float[] array, bool clearArray = false) => Interlocked.Decrement(ref _outstanding);
    }

    [Fact]
    public void Dispose_ReturnsEveryRentedArrayOnce()
    {
        var pool = new CountingPool();
        var buffers = new RequestBuffers(pool);
        buffers.Rent(10);
        Assert.Equal(5, buffers.RentMemory(5).Length);

        buffers.Dispose();
        buffers.Dispose();

        Assert.Equal((2, 0), (pool.Rents, pool.Outstanding));
    }

    [Fact]
    public void Dispose_WhileInFlight_LeavesTheArraysToTheCollector()
    {
        var pool = new CountingPool();
        var buffers = new RequestBuffers(pool) { InFlight = true };
        buffers.Rent(10);

        buffers.Dispose();
        buffers.Rent(4); // a forward that still runs rents its output after the request gave up

        Assert.Equal(2, pool.Outstanding);
    }

    private static RgbaImage LineArt(int width, int height)
    {
        var image = new RgbaImage(width, height);
        image.Pixels.AsSpan().Fill(255);
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                if (x == y || x == width / 2 || (x + y) % 17 == 0)
                {
                    int o = ((y * width) + x) * 4;
                    image.Pixels[o] = 0;
                    image.Pixels[o + 1] = 0;
                    image.Pixels[o + 2] = (byte)(x % 2 == 0 ? 0 : 120); // some partial ink
                }
            }
        }

        return image;
    }

    private (ModelRegistry Registry, ColorizerEngine Engine, CountingPool Pool) CreateEngine()
    {
        _folder.Add("alpha");
        var registry = new ModelRegistry(new ModelRegistryOptions { ModelsDirectory = _folder.Root, Device = "cpu" }, new OnnxRuntimeBackend());
        registry.LoadAll();
        var pool = new CountingPool();
        return (registry, new ColorizerEngine(registry) { TensorPool = pool }, pool);
    }

    private static async Task<ColorizeResult> ColorizeAsync(ColorizerEngine engine, ColorizeRequest request)
    {
        ColorizeResult? result = null;
        await foreach (ColorizeUpdate update in engine.ColorizeAsync(request))
        {
            result = update.Result ?? result;
        }

        return result!;
    }

    private static ColorizeRequest Request(RgbaImage lineArt, bool returnLayers, LineComposite composite = LineComposite.Multiply, bool modelColourOnly = true) => new()
    {
        LineArt = new Image { Png = ByteString.CopyFrom(ImageEncoder.EncodePng(lineArt)) },
        Hints = new Hints { Strokes = { new Stroke { Points = { new Point { X = 30, Y = 20 } }, Color = new Color { R = 250, G = 40, B = 10 }, Width = 9 } } },
        Options = new ColorizeOptions
        {
            WorkSide = 64, ReturnLayers = returnLayers, LineComposite = composite, OutputFormat = OutputFormat.RawRgba8, ModelColourOnly = modelColourOnly,
        },
    };

    [Theory]
    [InlineData(false, LineComposite.Multiply, true)]
    [InlineData(true, LineComposite.Multiply, true)]
    [InlineData(false, LineComposite.None, true)]
    [InlineData(false, LineComposite.Multiply, false)]
    [InlineData(true, LineComposite.None, false)]
    public async Task Colorize_ReturnsEveryPooledBufferWhenItEnds(bool returnLayers, LineComposite composite, bool modelColourOnly)
    {
        (ModelRegistry registry, ColorizerEngine engine, CountingPool pool) = CreateEngine();
        using (registry)
        using (engine)
        {
            ColorizeResult result = await ColorizeAsync(engine, Request(LineArt(90, 60), returnLayers, composite, modelColourOnly));

            Assert.Equal((90u, 60u), (result.Image.Raw.Width, result.Image.Raw.Height));
            Assert.Equal(3, pool.Rents); // line input, hint input, output
            Assert.Equal(0, pool.Outstanding);
        }
    }

    [Fact]
    public async Task Colorize_ModelColourOnly_CompositeInPlaceEqualsTheLayeredCompositeByteForByte()
    {
        (ModelRegistry registry, ColorizerEngine engine, _) = CreateEngine();
        using (registry)
        using (engine)
        {
            RgbaImage art = LineArt(90, 60);

            ColorizeResult inPlace = await ColorizeAsync(engine, Request(art, returnLayers: false));
            ColorizeResult layered = await ColorizeAsync(engine, Request(art, returnLayers: true));

            byte[] colour = layered.Layers.Single(l => l.Name == "colour").Image.Raw.Pixels.ToByteArray();
            byte[] expected = LineArtCompositor.Composite(new RgbaImage(90, 60, colour), LineArtLayer.FromImage(art)).Image.Pixels;
            Assert.Equal(expected, layered.Image.Raw.Pixels.ToByteArray());
            Assert.Equal(expected, inPlace.Image.Raw.Pixels.ToByteArray());
            Assert.NotEqual(colour, expected);
        }
    }

    [Fact]
    public async Task Preview_EachFrameReturnsItsPooledBuffers()
    {
        (ModelRegistry registry, ColorizerEngine engine, CountingPool pool) = CreateEngine();
        using (registry)
        using (engine)
        {
            PreviewSession session = engine.StartPreview(new PreviewStart
            {
                LineArt = new Image { Png = ByteString.CopyFrom(ImageEncoder.EncodePng(LineArt(90, 60))) },
                Options = new PreviewOptions { MaxSide = 64 },
            });

            await session.RenderAsync(1, new Hints());
            await session.RenderAsync(2, new Hints { Strokes = { new Stroke { Points = { new Point { X = 5, Y = 5 } }, Color = new Color { G = 255 }, Width = 4 } } });

            Assert.Equal(4, pool.Rents); // hint input and output per frame; the line input is the session's
            Assert.Equal(0, pool.Outstanding);
        }
    }
}
