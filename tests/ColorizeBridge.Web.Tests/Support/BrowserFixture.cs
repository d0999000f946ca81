using Microsoft.Playwright;

namespace ColorizeBridge.Web.Tests.Support;

/// <summary>A <see cref="TestServer"/> without tokens and one headless Chromium, shared by the browser tests.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string ModelName = TestServer.ModelName;

    private TestServer? _server;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public static bool ChromiumInstalled => File.Exists(ChromiumPath);

    public async Task InitializeAsync()
    {
        if (!ChromiumInstalled)
        {
            return;
        }

        _server = await TestServer.StartAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>
    /// A fresh browser context (own downloads, storage) with the page of
    /// <paramref name="server"/> (default: the fixture's open server) loaded
    /// and its first attempt at listing the models finished.
    /// </summary>
    public async Task<IPage> OpenPageAsync(TestServer? server = null)
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
        await page.GotoAsync((server ?? _server!).PageAddress.ToString());
        try
        {
            await page.WaitForFunctionAsync("() => document.getElementById('server-state').textContent !== 'Connecting…'");
        }
        catch (TimeoutException e)
        {
            throw new InvalidOperationException($"The page never finished listing the models; its errors: [{string.Join("; ", problems)}]", e);
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
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
