namespace ColorizeBridge.Cli.Tests.Support;

/// <summary>Names of the fixture models the CLI tests install with <see cref="ColorizeBridge.Tests.Shared.FixtureModels"/>.</summary>
internal static class TestModels
{
    public const string TinyModel = "tiny";
}
