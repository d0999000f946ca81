using Grpc.Core;

namespace ColorizeBridge.Cli.Output;

/// <summary>
/// Which of the user's files went into which request field, so an error the
/// server words about a field ("line_art.png: This is a GIF image …") reaches
/// the user about their file ("page.gif: This is a GIF image …"). Issue 20:
/// the user typed file names, not proto fields.
/// </summary>
internal sealed class RequestFiles
{
    private readonly List<(string Field, string File)> _files = [];

    /// <summary>Records that <paramref name="file"/> was sent in the image field <paramref name="field"/> (e.g. "line_art"); a null file is skipped.</summary>
    public RequestFiles With(string field, string? file)
    {
        if (file is not null)
        {
            _files.Add((field, file));
        }

        return this;
    }

    /// <summary>
    /// The same error with its field named by the user's file where the detail
    /// starts with one of the recorded fields (<c>FIELD</c>, <c>FIELD.png</c> or
    /// <c>FIELD.raw…</c>); any other error as it is.
    /// </summary>
    public RpcException InUsersWords(RpcException error)
    {
        string detail = error.Status.Detail ?? "";
        foreach ((string field, string file) in _files)
        {
            if (!detail.StartsWith(field, StringComparison.Ordinal))
            {
                continue;
            }

            int end = field.Length;
            if (detail.AsSpan(end).StartsWith(".png") || detail.AsSpan(end).StartsWith(".raw"))
            {
                end = detail.IndexOfAny([':', ' '], end) is var stop and >= 0 ? stop : detail.Length;
            }

            if (end < detail.Length && detail[end] is ':' or ' ')
            {
                return new RpcException(new Status(error.StatusCode, file + detail[end..], error.Status.DebugException), error.Trailers);
            }
        }

        return error;
    }
}
