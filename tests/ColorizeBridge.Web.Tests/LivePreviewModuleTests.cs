using System.Text.Json;
using ColorizeBridge.Web.Tests.Support;
using Microsoft.Playwright;

namespace ColorizeBridge.Web.Tests;

/// <summary>js/live-preview.js with a scripted client whose previews take 100 ms.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LivePreviewModuleTests(BrowserFixture fixture)
{
    private const string Harness = """
        async (steps) => {
          const { LivePreview } = await import("./assets/js/live-preview.js");
          const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
          const calls = [], frames = [], errors = [];
          const client = {
            preview: (request, { signal }) => new Promise((resolve, reject) => {
              calls.push(request.state);
              const timer = setTimeout(() => resolve({ revision: request.revision, state: request.state }), 100);
              signal.addEventListener("abort", () => { clearTimeout(timer); reject(new DOMException("aborted", "AbortError")); });
            }),
          };
          let state = 0;
          const preview = new LivePreview(client, async () => ({ state }), { delayMs: 10 });
          preview.addEventListener("frame", (e) => frames.push(e.detail.state));
          preview.addEventListener("error", (e) => errors.push(e.detail.message));
          for (const step of steps) {
            if (step === "off") { preview.enabled = false; preview.cancel(); continue; }
            state = step;
            preview.schedule();
            await sleep(40);
          }
          await sleep(1000);
          return { calls, frames, errors };
        }
        """;

    [ChromiumFact]
    public async Task Schedule_ChangesWhileAPreviewRuns_AbortsItAndShowsOnlyTheNewest()
    {
        IPage page = await fixture.OpenPageAsync();

        JsonElement outcome = await page.EvaluateAsync<JsonElement>(Harness, new object[] { 1, 2, 3 });

        // How many calls start depends on timers on a busy machine; which frame shows does not.
        Assert.Equal(3, outcome.GetProperty("calls").EnumerateArray().Last().GetInt32());
        Assert.Equal("[3]", outcome.GetProperty("frames").GetRawText());
        Assert.Equal("[]", outcome.GetProperty("errors").GetRawText());
        await page.Context.CloseAsync();
    }

    [ChromiumFact]
    public async Task Disabled_CancelsTheRunningPreviewAndAsksNoMore()
    {
        IPage page = await fixture.OpenPageAsync();

        JsonElement outcome = await page.EvaluateAsync<JsonElement>(Harness, new object[] { 1, "off", 2 });

        Assert.DoesNotContain(outcome.GetProperty("calls").EnumerateArray(), call => call.GetInt32() == 2);
        Assert.Equal("[]", outcome.GetProperty("frames").GetRawText());
        await page.Context.CloseAsync();
    }
}
