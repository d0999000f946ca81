using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using ColorizeBridge.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace ColorizeBridge.Web.Tests.Support;

/// <summary>
/// A real server on 127.0.0.1 serving one tiny TorchScript "hints" model
/// ("tiny", the default) and the browser page, and one headless Chromium.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string ModelName = "tiny";

    private readonly string _models = Path.Combine(Path.GetTempPath(), "cb-web-models-" + Guid.NewGuid().ToString("N"));
    private WebApplication? _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public static bool ChromiumInstalled => File.Exists(ChromiumPath);

    /// <summary>The page's address: the server's HTTP/1.1 (gRPC-Web + static files) endpoint.</summary>
    public Uri PageAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!ChromiumInstalled)
        {
            return;
        }

        WriteTinyModel();
        _app = ServerHost.Build(
            new ServerOptions
            {
                Listen = new IPEndPoint(IPAddress.Loopback, 0),
                WebListen = new IPEndPoint(IPAddress.Loopback, 0),
                ModelsDirectory = _models,
                Device = "cpu",
            },
            logging => logging.SetMinimumLevel(LogLevel.Warning));
        await _app.StartAsync();
        string[] addresses = [.. _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses];
        PageAddress = new Uri(addresses[1]);

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A fresh browser context (own downloads, storage) with the page loaded and its model list filled.</summary>
    public async Task<IPage> OpenPageAsync()
    {
        IBrowserContext context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1400, Height = 800 },
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(15_000);
        IPage page = await context.NewPageAsync();
        var problems = new List<string>();
        page.PageError += (_, error) => problems.Add(error);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                problems.Add(message.Text);
            }
        };
        await page.GotoAsync(PageAddress.ToString());
        try
        {
            await page.Locator("#model option").First.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        }
        catch (TimeoutException e)
        {
            throw new InvalidOperationException($"The page listed no models; its errors: [{string.Join("; ", problems)}]", e);
        }

        return page;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        if (Directory.Exists(_models))
        {
            Directory.Delete(_models, recursive: true);
        }
    }

    private void WriteTinyModel()
    {
        string folder = Path.Combine(_models, ModelName);
        Directory.CreateDirectory(folder);
        string file = Path.Combine(folder, "model.pt");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "fixtures", "torchscript", "hints_conv.pt"), file);
        var manifest = new JsonObject
        {
            ["name"] = ModelName,
            ["version"] = "0.1.0",
            ["kind"] = "hints",
            ["file"] = "model.pt",
            ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file))),
            ["inputs"] = new JsonArray(
                new JsonObject { ["name"] = "line", ["channels"] = 1, ["scale"] = 1 },
                new JsonObject { ["name"] = "hints", ["channels"] = 4, ["scale"] = 0.25 }),
            ["outputs"] = new JsonArray(new JsonObject { ["name"] = "rgb", ["channels"] = 3, ["scale"] = 1 }),
            ["size_rules"] = new JsonObject { ["multiple_of"] = 16, ["min_side"] = 32, ["max_side"] = 512, ["preferred_side"] = 128 },
            ["default"] = true,
        };
        File.WriteAllText(Path.Combine(folder, "model.json"), manifest.ToJsonString());
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
