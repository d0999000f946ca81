using ColorizeBridge.PaintDotNet.Core;
using ColorizeBridge.PaintDotNet.Core.Imaging;
using ColorizeBridge.PaintDotNet.Core.Requests;
using PaintDotNet;
using PaintDotNet.Effects;
using PaintDotNet.Imaging;
using PaintDotNet.IndirectUI;
using PaintDotNet.PropertySystem;
using PaintDotNet.Rendering;

namespace ColorizeBridge.PaintDotNet;

/// <summary>
/// Effects > Artistic > Colorize Line Art: sends the selection (or the whole
/// layer) of the line art layer to a ColorizeBridge server and paints the
/// colour it returns. Only the Paint.NET calls live here; the rest is
/// ColorizeBridge.PaintDotNet.Core, tested on its own.
/// </summary>
public sealed class ColorizeBridgeEffect : PropertyBasedBitmapEffect
{
    private ColorizeSettings _settings = new();

    // Paint.NET renders tiles in parallel and calls OnSetToken again on every
    // change in the dialog: one server call per token, shared by all tiles.
    private Lazy<ColorizedArea?> _result;

    public ColorizeBridgeEffect()
        : base("Colorize Line Art (ColorizeBridge)", SubmenuNames.Artistic, BitmapEffectOptions.Create() with { IsConfigurable = true })
    {
        _result = new Lazy<ColorizedArea?>(Colorize);
    }

    protected override PropertyCollection OnCreatePropertyCollection()
    {
        Property[] properties =
        [
            new StringProperty(PropertyNames.ServerAddress, ColorizeSettings.DefaultServerAddress, 256),
            new StringProperty(PropertyNames.AccessToken, "", 256),
            new StringProperty(PropertyNames.Model, "", 128),
            StaticListChoiceProperty.CreateForEnum(PropertyNames.Hints, HintSource.LayerBelow, false),
            new Int32Property(PropertyNames.HintColor, new ColorizeSettings().HintColor.ToRgb24(), 0, 0xFFFFFF),
            new BooleanProperty(PropertyNames.KeepLines, true),
        ];
        PropertyCollectionRule[] rules =
        [
            new ReadOnlyBoundToValueRule<object, StaticListChoiceProperty>(PropertyNames.HintColor, PropertyNames.Hints, HintSource.Color, true),
        ];
        return new PropertyCollection(properties, rules);
    }

    protected override ControlInfo OnCreateConfigUI(PropertyCollection props)
    {
        ControlInfo ui = CreateDefaultConfigUI(props);
        ui.SetPropertyControlValue(PropertyNames.ServerAddress, ControlInfoPropertyNames.DisplayName, "Server (HOST:PORT or http(s):// address)");
        ui.SetPropertyControlValue(PropertyNames.AccessToken, ControlInfoPropertyNames.DisplayName, "Access token (only if the server needs one)");
        ui.SetPropertyControlValue(PropertyNames.Model, ControlInfoPropertyNames.DisplayName, "Model (empty: the server's default)");
        ui.SetPropertyControlValue(PropertyNames.Hints, ControlInfoPropertyNames.DisplayName, "Colour hints");
        PropertyControlInfo hints = ui.FindControlForPropertyName(PropertyNames.Hints)!;
        hints.SetValueDisplayName(HintSource.LayerBelow, "The layer below (painted pixels are hints)");
        hints.SetValueDisplayName(HintSource.Color, "One colour, in the middle");
        hints.SetValueDisplayName(HintSource.None, "None: the model chooses");
        ui.SetPropertyControlType(PropertyNames.HintColor, PropertyControlType.ColorWheel);
        ui.SetPropertyControlValue(PropertyNames.HintColor, ControlInfoPropertyNames.DisplayName, "Hint colour");
        ui.SetPropertyControlValue(PropertyNames.KeepLines, ControlInfoPropertyNames.DisplayName, "Lines");
        ui.SetPropertyControlValue(PropertyNames.KeepLines, ControlInfoPropertyNames.Description, "Keep my lines on top of the colour");
        return ui;
    }

    protected override void OnSetToken(PropertyBasedEffectConfigToken? newToken)
    {
        if (newToken is not null)
        {
            _settings = new ColorizeSettings
            {
                ServerAddress = newToken.GetProperty<StringProperty>(PropertyNames.ServerAddress)!.Value,
                AccessToken = newToken.GetProperty<StringProperty>(PropertyNames.AccessToken)!.Value,
                Model = newToken.GetProperty<StringProperty>(PropertyNames.Model)!.Value,
                HintSource = (HintSource)newToken.GetProperty<StaticListChoiceProperty>(PropertyNames.Hints)!.Value,
                HintColor = HintColor.FromRgb24(newToken.GetProperty<Int32Property>(PropertyNames.HintColor)!.Value),
                KeepLines = newToken.GetProperty<BooleanProperty>(PropertyNames.KeepLines)!.Value,
            };
            _result = new Lazy<ColorizedArea?>(Colorize);
        }

        base.OnSetToken(newToken);
    }

    protected override void OnRender(IBitmapEffectOutput output)
    {
        ColorizedArea? area = _result.Value;
        RectInt32 bounds = output.Bounds;
        using IBitmapLock<ColorBgra32> sourceLock = Environment.GetSourceBitmapBgra32().Lock(bounds);
        using IBitmapLock<ColorBgra32> outputLock = output.LockBgra32();
        RegionPtr<ColorBgra32> source = sourceLock.AsRegionPtr();
        RegionPtr<ColorBgra32> target = outputLock.AsRegionPtr();
        for (int y = 0; y < bounds.Height; y++)
        {
            for (int x = 0; x < bounds.Width; x++)
            {
                int layerX = bounds.X + x;
                int layerY = bounds.Y + y;
                // Outside the colorized area, or after a failure, the layer stays as it was.
                target[x, y] = area is not null && area.Bounds.Contains(layerX, layerY)
                    ? PixelAt(area.Pixels, layerX - area.Bounds.X, layerY - area.Bounds.Y)
                    : source[x, y];
            }
        }
    }

    private ColorizedArea? Colorize()
    {
        ColorizeSettings settings = _settings;
        try
        {
            BgraBitmap lineArt = ReadBitmap(Environment.GetSourceBitmapBgra32());
            // Paint.NET lists layers bottom first: the one below is the index before.
            int below = Environment.SourceLayerIndex - 1;
            BgraBitmap? hints = settings.HintSource == HintSource.LayerBelow && below >= 0
                ? ReadBitmap(Environment.Document.Layers[below].GetBitmap<ColorBgra32>())
                : null;
            return new LayerColorizer(settings).ColorizeAsync(lineArt, hints, ReadSelection()).GetAwaiter().GetResult();
        }
        catch (Exception error)
        {
            // The boundary with Paint.NET: no failure may escape into it. A
            // cancelled dialog needs no message; anything else is shown and
            // the layer is left as it was.
            if (!IsCancelRequested)
            {
                ErrorDialog.Show(ErrorMessages.ForDialog(error, settings));
            }

            return null;
        }
    }

    private static BgraBitmap ReadBitmap(IEffectInputBitmap<ColorBgra32> bitmap)
    {
        SizeInt32 size = bitmap.Size;
        var pixels = new BgraBitmap(size.Width, size.Height);
        using IBitmapLock<ColorBgra32> bitmapLock = bitmap.Lock(new RectInt32(0, 0, size.Width, size.Height));
        RegionPtr<ColorBgra32> region = bitmapLock.AsRegionPtr();
        for (int y = 0; y < size.Height; y++)
        {
            Span<byte> row = pixels.GetRow(y);
            for (int x = 0; x < size.Width; x++)
            {
                ColorBgra32 pixel = region[x, y];
                int p = x * BgraBitmap.BytesPerPixel;
                (row[p], row[p + 1], row[p + 2], row[p + 3]) = (pixel.B, pixel.G, pixel.R, pixel.A);
            }
        }

        return pixels;
    }

    /// <summary>The selection's coverage over its bounds; with nothing selected Paint.NET reports the whole layer.</summary>
    private SelectionMask ReadSelection()
    {
        RectInt32 bounds = Environment.Selection.RenderBounds;
        byte[] coverage = new byte[bounds.Width * bounds.Height];
        using IBitmapLock<ColorAlpha8> maskLock = Environment.Selection.MaskBitmap.Lock(bounds);
        RegionPtr<ColorAlpha8> mask = maskLock.AsRegionPtr();
        for (int y = 0; y < bounds.Height; y++)
        {
            for (int x = 0; x < bounds.Width; x++)
            {
                coverage[(y * bounds.Width) + x] = mask[x, y].A;
            }
        }

        return new SelectionMask(new PixelRect(bounds.X, bounds.Y, bounds.Width, bounds.Height), coverage);
    }

    private static ColorBgra32 PixelAt(BgraBitmap bitmap, int x, int y)
    {
        ReadOnlySpan<byte> row = bitmap.GetRow(y);
        int p = x * BgraBitmap.BytesPerPixel;
        return ColorBgra32.FromBgra(row[p], row[p + 1], row[p + 2], row[p + 3]);
    }
}
