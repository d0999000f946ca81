using ColorizeBridge.Grpc.Internal;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace ColorizeBridge.Grpc.AspNetCore.Internal.GrpcWeb;

/// <summary>
/// Turns gRPC-Web requests (HTTP/1.1, browsers) into ordinary gRPC calls for
/// the call handlers, and their responses back into gRPC-Web; answers CORS
/// preflights of gRPC-Web clients.
/// </summary>
internal sealed class GrpcWebMiddleware(RequestDelegate next, GrpcWebOptions options)
{
    private const string ExposedHeaders = "grpc-status,grpc-message,grpc-encoding,grpc-accept-encoding";

    public async Task InvokeAsync(HttpContext context)
    {
        if (IsGrpcWebPreflight(context.Request))
        {
            AnswerPreflight(context);
            return;
        }

        var kind = GrpcWebContentType.Classify(context.Request.ContentType);
        if (kind == GrpcWebContentType.Kind.None || !HttpMethods.IsPost(context.Request.Method))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var isText = kind == GrpcWebContentType.Kind.Text;
        context.Features.Set(new GrpcWebFeature());
        context.Request.ContentType = GrpcProtocolConstants.GrpcContentType;
        if (isText)
        {
            context.Request.Body = new Base64DecodingStream(context.Request.Body);
            context.Features.Set<IRequestBodyPipeFeature>(new RequestBodyPipeFeature(context));
        }

        var response = new GrpcWebResponseFeature(context.Features.GetRequiredFeature<IHttpResponseBodyFeature>(), isText);
        context.Features.Set<IHttpResponseBodyFeature>(response);
        context.Features.Set<IHttpResponseTrailersFeature>(response);
        context.Response.OnStarting(() =>
        {
            context.Response.ContentType = isText ? GrpcProtocolConstants.GrpcWebTextContentType : GrpcProtocolConstants.GrpcWebContentType;
            AddCorsHeaders(context);
            return Task.CompletedTask;
        });

        await next(context).ConfigureAwait(false);
        await response.CompleteAsync().ConfigureAwait(false);
    }

    // gRPC-Web clients mark their requests with x-grpc-web, so a browser asks to send it.
    private static bool IsGrpcWebPreflight(HttpRequest request) =>
        HttpMethods.IsOptions(request.Method)
        && request.Headers.Origin.Count > 0
        && request.Headers.AccessControlRequestMethod.Count > 0
        && request.Headers.AccessControlRequestHeaders.ToString().Contains("x-grpc-web", StringComparison.OrdinalIgnoreCase);

    private void AnswerPreflight(HttpContext context)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status204NoContent;
        if (!AddCorsHeaders(context))
        {
            return;
        }

        response.Headers.AccessControlAllowMethods = "POST";
        response.Headers.AccessControlAllowHeaders = context.Request.Headers.AccessControlRequestHeaders;
        response.Headers.AccessControlMaxAge = "7200";
    }

    private bool AddCorsHeaders(HttpContext context)
    {
        var origin = context.Request.Headers.Origin.ToString();
        if (origin.Length == 0 || (options.AllowedOrigins.Count > 0 && !options.AllowedOrigins.Contains(origin, StringComparer.OrdinalIgnoreCase)))
        {
            return false;
        }

        var headers = context.Response.Headers;
        headers.AccessControlAllowOrigin = origin;
        headers.AccessControlExposeHeaders = ExposedHeaders;
        headers.Vary = "Origin";
        return true;
    }
}
