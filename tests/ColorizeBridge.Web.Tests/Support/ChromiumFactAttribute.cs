namespace ColorizeBridge.Web.Tests.Support;

/// <summary>A fact that needs Debian's chromium; skipped, saying so, where it is not installed.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (!BrowserFixture.ChromiumInstalled)
        {
            Skip = $"{BrowserFixture.ChromiumPath} is missing: install Debian's chromium (apt-get install chromium) to run the browser page tests.";
        }
    }
}
