using System.CommandLine;
using System.Globalization;
using ColorizeBridge.Cli.Backends;
using ColorizeBridge.Client;

namespace ColorizeBridge.Cli;

/// <summary>
/// The options every command takes, and the backend they select: a server
/// when --server names one, else the engine in this process.
/// </summary>
internal sealed class GlobalOptions
{
    public const string TokenVariable = "COLORIZEBRIDGE_TOKEN";

    public Option<string?> Server { get; } = new("--server")
    {
        HelpName = "HOST:PORT",
        Description = "Server to call, HOST:PORT or http(s)://HOST:PORT; without it the engine runs in this process",
        Recursive = true,
    };

    public Option<string?> Token { get; } = new("--token")
    {
        HelpName = "TOKEN",
        Description = $"Access token sent to the server as 'authorization: Bearer TOKEN' (default: ${TokenVariable})",
        Recursive = true,
    };

    public Option<string?> Models { get; } = new("--models")
    {
        HelpName = "DIR",
        Description = "In-process only: folder with one sub-folder per model (default: ./models, else the checkout's models folder)",
        Recursive = true,
    };

    public Option<string> Device { get; } = new("--device")
    {
        HelpName = "DEVICE",
        Description = "In-process only: where models run, auto|cpu|cuda|cuda:N",
        DefaultValueFactory = _ => "auto",
        Recursive = true,
    };

    public IEnumerable<Option> All => [Server, Token, Models, Device];

    /// <summary>The backend the parsed options ask for; a <see cref="CliUsageException"/> when they are inconsistent.</summary>
    public IColorizerBackend CreateBackend(ParseResult parse)
    {
        if (parse.GetValue(Server) is { } server)
        {
            string? token = parse.GetValue(Token) ?? Environment.GetEnvironmentVariable(TokenVariable);
            try
            {
                return new RemoteColorizerBackend(ColorizerClient.Create(server, new ColorizerClientOptions
                {
                    AccessToken = string.IsNullOrEmpty(token) ? null : token,
                }));
            }
            catch (FormatException e)
            {
                throw new CliUsageException($"--server: {e.Message}");
            }
        }

        if (parse.GetValue(Token) is not null)
        {
            throw new CliUsageException("--token is sent to a server: name one with --server HOST:PORT");
        }

        string device = parse.GetValue(Device)!;
        if (!IsDeviceName(device))
        {
            throw new CliUsageException($"--device must be auto, cpu, cuda or cuda:N, got '{device}'");
        }

        string modelsDirectory;
        if (parse.GetValue(Models) is { } models)
        {
            modelsDirectory = Path.GetFullPath(models);
            if (!Directory.Exists(modelsDirectory))
            {
                throw new CliUsageException($"--models: the folder '{models}' does not exist");
            }
        }
        else
        {
            modelsDirectory = ModelsDirectoryLocator.Locate(Directory.GetCurrentDirectory(), AppContext.BaseDirectory);
        }

        return new InProcessColorizerBackend(modelsDirectory, device);
    }

    private static bool IsDeviceName(string device) =>
        device is "auto" or "cpu" or "cuda"
        || (device.StartsWith("cuda:", StringComparison.Ordinal)
            && int.TryParse(device.AsSpan("cuda:".Length), NumberStyles.None, CultureInfo.InvariantCulture, out _));
}
