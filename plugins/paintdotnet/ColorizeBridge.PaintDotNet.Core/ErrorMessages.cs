using ColorizeBridge.PaintDotNet.Core.Requests;
using Grpc.Core;

namespace ColorizeBridge.PaintDotNet.Core;

/// <summary>
/// Turns a failure into words for the error dialog: what happened, in the
/// user's terms, and what to do about it. The server's own detail is kept,
/// since it names the field or limit at fault.
/// </summary>
public static class ErrorMessages
{
    private const string Title = "ColorizeBridge";

    public static DialogMessage ForDialog(Exception error, ColorizeSettings settings)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(settings);
        string server = settings.ServerAddress;
        string model = string.IsNullOrWhiteSpace(settings.Model) ? "the server's default model" : $"the model '{settings.Model}'";
        string text = error switch
        {
            RpcException rpc => ForStatus(rpc.StatusCode, rpc.Status.Detail, server, model),
            FormatException or ArgumentException when IsAddressError(error) =>
                $"'{server}' is not a server address. Type HOST:PORT (for example 127.0.0.1:50051) or an http:// or https:// address.",
            InvalidOperationException => Sentence(error.Message),
            InvalidDataException => $"The server at {server} sent an answer the effect cannot use: {Sentence(error.Message)}",
            OperationCanceledException => "Colorizing was cancelled.",
            _ => $"Colorizing failed: {Sentence(error.Message)}",
        };
        return new DialogMessage(Title, text);
    }

    private static string ForStatus(StatusCode code, string detail, string server, string model) => code switch
    {
        StatusCode.Unavailable =>
            $"Cannot reach the ColorizeBridge server at {server}. Check that it is running and that the address and port are right. ({Sentence(detail)})",
        StatusCode.Unauthenticated =>
            $"The server at {server} needs an access token, or did not accept the one given. Enter the token the server's administrator gave you. ({Sentence(detail)})",
        StatusCode.PermissionDenied => $"The server at {server} refused this request: {Sentence(detail)}",
        StatusCode.NotFound => $"The server at {server} does not have {model}. Leave the model empty for the server's default. ({Sentence(detail)})",
        StatusCode.FailedPrecondition => $"{Capitalised(model)} is not ready on the server: {Sentence(detail)}",
        StatusCode.InvalidArgument => $"The server could not use this image: {Sentence(detail)}",
        StatusCode.ResourceExhausted =>
            $"The image is too large for the server, or the server is busy: {Sentence(detail)} Select a smaller area, or lower the tile size.",
        StatusCode.DeadlineExceeded => $"The server took too long to answer. Try a smaller selection, or try again when it is less busy. ({Sentence(detail)})",
        StatusCode.Cancelled => "Colorizing was cancelled.",
        StatusCode.Unimplemented => $"The server at {server} does not offer colorizing; is it a ColorizeBridge server? ({Sentence(detail)})",
        _ => $"The server at {server} reported an error ({code}): {Sentence(detail)}",
    };

    private static bool IsAddressError(Exception error) =>
        error.Message.Contains("server address", StringComparison.Ordinal) || error is ArgumentException { ParamName: "address" };

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>A message as a sentence: capitalised, ending in a full stop.</summary>
    private static string Sentence(string message)
    {
        string trimmed = message.Trim();
        if (trimmed.Length == 0)
        {
            return "no details given.";
        }

        trimmed = Capitalised(trimmed);
        return trimmed.EndsWith('.') || trimmed.EndsWith('?') || trimmed.EndsWith('!') ? trimmed : trimmed + ".";
    }
}
