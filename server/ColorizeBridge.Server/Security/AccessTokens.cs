using System.Security.Cryptography;
using System.Text;

namespace ColorizeBridge.Server.Security;

/// <summary>
/// The bearer tokens that admit a client. Compared in constant time (hashes
/// of equal length through <see cref="CryptographicOperations.FixedTimeEquals"/>),
/// so the time a refusal takes says nothing about how much of a token was right.
/// Tokens are never logged.
/// </summary>
public sealed class AccessTokens
{
    private const string BearerPrefix = "Bearer ";
    private readonly byte[][] _hashes;

    public AccessTokens(IEnumerable<string> tokens)
    {
        _hashes = [.. tokens.Select(t => t.Trim()).Where(t => t.Length > 0).Select(Hash)];
    }

    /// <summary>True when no token is configured: every client is admitted.</summary>
    public bool IsOpen => _hashes.Length == 0;

    /// <summary>Reads tokens from a file: one a line; blank lines and lines starting with # are skipped.</summary>
    /// <exception cref="FormatException">The file is missing, unreadable, holds no token, or a token shorter than 16 characters.</exception>
    public static AccessTokens FromFile(string path)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new FormatException($"--token-file {path}: {e.Message}");
        }

        string[] tokens = [.. lines.Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))];
        if (tokens.Length == 0)
        {
            throw new FormatException($"--token-file {path} holds no token (one token a line; # starts a comment)");
        }

        if (tokens.Any(t => t.Length < 16))
        {
            throw new FormatException($"--token-file {path}: every token must be at least 16 characters (e.g. from `openssl rand -hex 24`)");
        }

        return new AccessTokens(tokens);
    }

    /// <summary>Whether an <c>authorization</c> header value ("Bearer TOKEN") carries a configured token.</summary>
    public bool Admits(string? authorization) => Admits(authorization, out _);

    /// <param name="fingerprint">A short, non-secret name of the token (the start of its hash), to tell clients apart in logs and queues.</param>
    public bool Admits(string? authorization, out string fingerprint)
    {
        fingerprint = "";
        if (authorization is null || !authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        byte[] offered = Hash(authorization[BearerPrefix.Length..].Trim());
        bool admitted = false;
        foreach (byte[] hash in _hashes)
        {
            // No early exit: every configured token is compared every time.
            admitted |= CryptographicOperations.FixedTimeEquals(offered, hash);
        }

        if (admitted)
        {
            fingerprint = Convert.ToHexStringLower(offered.AsSpan(0, 4));
        }

        return admitted;
    }

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
