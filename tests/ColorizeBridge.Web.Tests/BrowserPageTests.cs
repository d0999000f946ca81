using ColorizeBridge.Imaging.Codecs;
using ColorizeBridge.Imaging.Pixels;
using ColorizeBridge.Web.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ColorizeBridge.Web.Tests;

/// <summary>The page (wwwroot/index.html and js/app.js) as a user drives it: file input, mouse, keyboard, buttons.</summary>
[Collection(BrowserCollection.Name)]
public sealed class BrowserPageTests(BrowserFixture fixture)
{
    private static readonly LocatorAssertionsToBeVisibleOptions ResultWait = new() { Timeout = 60_000 };

    [ChromiumFact]
    public async Task Page_Opened_ListsTheServersModelsWithTheDefaultSelected()
    {
        IPage page = await fixture.OpenPageAsync();

        await Expect(page.Locator("#model")).ToHaveValueAsync(BrowserFixture.ModelName);
        await Expect(page.Locator("#server-state")).ToContainTextAsync("1 of 1 models loaded");
        await page.Context.CloseAsync();
    }

    [ChromiumFact]
    public async Task ServerWithToken_TokenEntered_ListsModelsAfterSayingOneIsNeeded()
    {
        const string token = "a-token-of-at-least-16-chars";
        await using TestServer server = await TestServer.StartAsync(token);
        IPage page = await fixture.OpenPageAsync(server);
        await Expect(page.Locator("#server-state")).ToContainTextAsync("Access token needed");

        await page.Locator("#token").FillAsync(token);
        await page.Locator("#token").PressAsync("Enter");
        await page.Locator("#token").BlurAsync();

        await Expect(page.Locator("#server-state")).ToContainTextAsync("1 of 1 models loaded");
        await Expect(page.Locator("#model")).ToHaveValueAsync(BrowserFixture.ModelName);
        await page.Context.CloseAsync();
    }

    [ChromiumFact]
    public async Task PaintedHints_PreviewThenColorize_DownloadedResultHasColour()
    {
        IPage page = await fixture.OpenPageAsync();
        await OpenLineArtAsync(page);

        await PaintAsync(page, "#e0443e", (0.30, 0.45), (0.45, 0.55), (0.60, 0.45));
        await PaintAsync(page, "#3f7fd9", (0.10, 0.92), (0.90, 0.92));
        await page.Locator(".swatch[aria-label='Yellow']").ClickAsync();
        await DotAsync(page, 0.5, 0.2);

        await Expect(page.Locator("#output-heading")).ToHaveTextAsync("Preview", new() { Timeout = 60_000 });
        await Expect(page.Locator("#output")).ToBeVisibleAsync(ResultWait);
        await page.Locator("#colorize").ClickAsync();
        await Expect(page.Locator("#output-heading")).ToHaveTextAsync("Result", new() { Timeout = 60_000 });
        await Expect(page.Locator("#status")).ToContainTextAsync("Done with tiny");
        // The docs' screenshot is refreshed on request only, so a test run leaves
        // the checkout clean: COLORIZEBRIDGE_UPDATE_DOCS=1 dotnet test ….
        string screenshot = Environment.GetEnvironmentVariable("COLORIZEBRIDGE_UPDATE_DOCS") == "1"
            ? Path.Combine(RepositoryPaths.Root, "docs", "images", "browser-page.png")
            : Path.Combine(RepositoryPaths.Root, "artifacts", "screenshots", "browser-page.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot });
        RgbaImage result = await DownloadPngAsync(page, "Result (PNG)");

        Assert.Equal((320, 240), (result.Width, result.Height));
        Assert.True(ColourfulShare(result) > 0.2, $"only {ColourfulShare(result):P1} of the result's pixels are coloured");
        await page.Context.CloseAsync();
    }

    [ChromiumFact]
    public async Task SeparateLayersChecked_Colorize_OffersEachLayerForDownload()
    {
        IPage page = await fixture.OpenPageAsync();
        await OpenLineArtAsync(page);
        await DotAsync(page, 0.5, 0.5);
        await page.Locator("#layers").CheckAsync();

        await page.Locator("#colorize").ClickAsync();
        await Expect(page.Locator("#output-heading")).ToHaveTextAsync("Result", new() { Timeout = 60_000 });

        await Expect(page.Locator("#downloads a")).ToHaveTextAsync(["Result (PNG)", "Layer: lines", "Layer: shading", "Layer: flats", "Layer: regions"]);
        RgbaImage lineArt = await DownloadPngAsync(page, "Layer: lines");
        Assert.Equal((320, 240), (lineArt.Width, lineArt.Height));
        await page.Context.CloseAsync();
    }

    [ChromiumFact]
    public async Task SeparateLayers_ClickARegionOfTheResult_FillsExactlyItsFlatWithTheBrushColour()
    {
        IPage page = await fixture.OpenPageAsync();
        await OpenLineArtAsync(page);
        await DotAsync(page, 0.5, 0.5);
        await page.Locator("#layers").CheckAsync();
        await page.Locator("#colorize").ClickAsync();
        await Expect(page.Locator("#status")).ToContainTextAsync("Click a region of the result", new() { Timeout = 60_000 });
        await Expect(page.Locator("#output-hint")).ToBeVisibleAsync();
        RgbaImage regions = await DownloadPngAsync(page, "Layer: regions");
        RgbaImage flatsBefore = await DownloadPngAsync(page, "Layer: flats");
        int clicked = RegionKey(regions, 160, 120);
        Assert.NotEqual(0, clicked); // the dot's region, not the paper
        Assert.Equal(0, RegionKey(regions, 2, 2)); // the corner is paper

        await page.Locator("#brush-color").FillAsync("#3f7fd9");
        await ClickOutputPixelAsync(page, 160, 120);

        await Expect(page.Locator("#status")).ToContainTextAsync("Recoloured a region");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryPaths.Root, "artifacts", "screenshots", "browser-recolour.png") });
        RgbaImage flatsAfter = await DownloadPngAsync(page, "Layer: flats");
        for (int y = 0; y < 240; y++)
        {
            for (int x = 0; x < 320; x++)
            {
                int o = ((y * 320) + x) * 4;
                byte[] expected = RegionKey(regions, x, y) == clicked ? [63, 127, 217, 255] : flatsBefore.Pixels[o..(o + 4)];
                // A browser's canvas keeps no colour under full transparency (the paper): there only alpha counts.
                int compared = expected[3] == 0 ? 1 : 4;
                Assert.True(expected.AsSpan(4 - compared).SequenceEqual(flatsAfter.Pixels.AsSpan(o + 4 - compared, compared)), $"flats at ({x}, {y})");
            }
        }

        // The new result is the layers stacked: blue where the region is, under shading and lines.
        RgbaImage result = await DownloadPngAsync(page, "Result (PNG)");
        int c = ((120 * 320) + 160) * 4;
        Assert.True(result.Pixels[c + 2] > result.Pixels[c] + 60, $"the result's centre is ({result.Pixels[c]}, {result.Pixels[c + 1]}, {result.Pixels[c + 2]})");

        await ClickOutputPixelAsync(page, 2, 2);
        await Expect(page.Locator("#status")).ToContainTextAsync("That is the paper");
        await page.Context.CloseAsync();
    }

    [ChromiumFact]
    public async Task KeyboardOnly_ArrowsAndSpace_PutAHintDotAndPreview()
    {
        IPage page = await fixture.OpenPageAsync();
        await OpenLineArtAsync(page);
        ILocator canvas = page.Locator("#hints");

        await canvas.FocusAsync();
        await canvas.PressAsync("Shift+ArrowRight");
        await canvas.PressAsync("Space");

        await Expect(page.Locator("#undo")).ToBeEnabledAsync();
        await Expect(page.Locator("#output")).ToBeVisibleAsync(ResultWait);
        await Expect(page.Locator("#output-heading")).ToHaveTextAsync("Preview");
        await page.Context.CloseAsync();
    }

    [ChromiumFact]
    public async Task Undo_AfterTwoStrokes_LeavesOneAndThenNone()
    {
        IPage page = await fixture.OpenPageAsync();
        await OpenLineArtAsync(page);
        await DotAsync(page, 0.2, 0.2);
        await DotAsync(page, 0.8, 0.8);

        await page.Locator("#undo").ClickAsync();
        await Expect(page.Locator("#undo")).ToBeEnabledAsync();
        await page.Keyboard.PressAsync("Control+z");

        await Expect(page.Locator("#undo")).ToBeDisabledAsync();
        await Expect(page.Locator("#clear")).ToBeDisabledAsync();
        await page.Context.CloseAsync();
    }

    [ChromiumFact]
    public async Task LineArtDroppedOnTheCanvasPane_OpensIt()
    {
        IPage page = await fixture.OpenPageAsync();
        int[] png = [.. (await File.ReadAllBytesAsync(RepositoryPaths.Fixture("cat-line-art.png"))).Select(b => (int)b)];

        await page.EvaluateAsync("""
            (bytes) => {
              const data = new DataTransfer();
              data.items.add(new File([new Uint8Array(bytes)], "dropped.png", { type: "image/png" }));
              document.getElementById("drop-zone").dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
            }
            """, png);

        await Expect(page.Locator("#status")).ToHaveTextAsync("dropped.png: 320 × 240. Paint colour hints on it.");
        await Expect(page.Locator("#hints")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [ChromiumFact]
    public async Task CloseGapsOutOfRange_Colorize_SaysTheRangeAndSendsNothing()
    {
        IPage page = await fixture.OpenPageAsync();
        await OpenLineArtAsync(page);
        await page.Locator("#live").UncheckAsync();
        await page.Locator("#gap-size").FillAsync("80");

        await page.Locator("#colorize").ClickAsync();

        await Expect(page.Locator("#status")).ToHaveTextAsync("Close gaps takes a whole number of pixels from 0 (the server's default, 3) to 64; it is 80.");
        await Expect(page.Locator("#output-heading")).Not.ToHaveTextAsync("Result");
        await Expect(page.Locator("#colorize")).ToBeEnabledAsync();
        await page.Context.CloseAsync();
    }

    [ChromiumFact]
    public async Task NonImageFile_Opened_SaysSoAndKeepsColorizeDisabled()
    {
        IPage page = await fixture.OpenPageAsync();

        await page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "notes.txt", MimeType = "text/plain", Buffer = "hello"u8.ToArray() });

        await Expect(page.Locator("#status")).ToHaveTextAsync("notes.txt is not an image.");
        await Expect(page.Locator("#colorize")).ToBeDisabledAsync();
        await page.Context.CloseAsync();
    }

    private static async Task OpenLineArtAsync(IPage page)
    {
        await page.Locator("#file").SetInputFilesAsync(RepositoryPaths.Fixture("cat-line-art.png"));
        await Expect(page.Locator("#status")).ToContainTextAsync("320 × 240");
        await Expect(page.Locator("#colorize")).ToBeEnabledAsync();
    }

    /// <summary>Drags the mouse through points given as fractions of the canvas.</summary>
    private static async Task PaintAsync(IPage page, string colour, params (double X, double Y)[] points)
    {
        await page.Locator("#brush-color").FillAsync(colour);
        LocatorBoundingBoxResult box = (await page.Locator("#hints").BoundingBoxAsync())!;
        (float X, float Y) At((double X, double Y) p) => ((float)(box.X + (p.X * box.Width)), (float)(box.Y + (p.Y * box.Height)));

        (float startX, float startY) = At(points[0]);
        await page.Mouse.MoveAsync(startX, startY);
        await page.Mouse.DownAsync();
        foreach ((double X, double Y) point in points.Skip(1))
        {
            (float x, float y) = At(point);
            await page.Mouse.MoveAsync(x, y, new MouseMoveOptions { Steps = 8 });
        }

        await page.Mouse.UpAsync();
    }

    private static async Task DotAsync(IPage page, double x, double y)
    {
        LocatorBoundingBoxResult box = (await page.Locator("#hints").BoundingBoxAsync())!;
        await page.Mouse.ClickAsync((float)(box.X + (x * box.Width)), (float)(box.Y + (y * box.Height)));
    }

    /// <summary>The regions layer's name for the region at (x, y): R, G, B packed; 0 is the paper.</summary>
    private static int RegionKey(RgbaImage regions, int x, int y)
    {
        int o = ((y * regions.Width) + x) * 4;
        return (regions.Pixels[o] << 16) | (regions.Pixels[o + 1] << 8) | regions.Pixels[o + 2];
    }

    /// <summary>Clicks the centre of an image pixel of the result, shown scaled to fit its pane (object-fit: contain).</summary>
    private static async Task ClickOutputPixelAsync(IPage page, int x, int y)
    {
        LocatorBoundingBoxResult box = (await page.Locator("#output").BoundingBoxAsync())!;
        double scale = Math.Min(box.Width / 320, box.Height / 240);
        double left = box.X + ((box.Width - (320 * scale)) / 2), top = box.Y + ((box.Height - (240 * scale)) / 2);
        await page.Mouse.ClickAsync((float)(left + ((x + 0.5) * scale)), (float)(top + ((y + 0.5) * scale)));
    }

    private static async Task<RgbaImage> DownloadPngAsync(IPage page, string linkText)
    {
        IDownload download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = linkText }).ClickAsync());
        string path = (await download.PathAsync())!;
        return ImageDecoder.Decode(await File.ReadAllBytesAsync(path));
    }

    /// <summary>
    /// The share of pixels whose channels differ by more than 12 of 255. The
    /// line art is pure grey, so any such pixel is colour the model added
    /// (the tiny test model paints muted colours, not saturated ones).
    /// </summary>
    private static double ColourfulShare(RgbaImage image)
    {
        int colourful = 0;
        for (int i = 0; i < image.Pixels.Length; i += RgbaImage.BytesPerPixel)
        {
            int r = image.Pixels[i], g = image.Pixels[i + 1], b = image.Pixels[i + 2];
            if (Math.Max(r, Math.Max(g, b)) - Math.Min(r, Math.Min(g, b)) > 12)
            {
                colourful++;
            }
        }

        return (double)colourful / image.PixelCount;
    }
}
