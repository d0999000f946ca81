using ColorizeBridge.Api.V1;
using ColorizeBridge.Engine.Images;
using ColorizeBridge.Imaging.LineArt;
using ColorizeBridge.Imaging.Pixels;

namespace ColorizeBridge.Engine.Colorization;

/// <summary>ExtractLineArt's request options mapped onto the two extractors.</summary>
internal static class LineArtExtraction
{
    public static GrayImage Extract(RgbaImage image, ExtractLineArtRequest request)
    {
        if (!float.IsFinite(request.Sigma) || request.Sigma < 0 || request.Sigma > 10)
        {
            throw new InvalidRequestException("sigma", $"sigma must be 0 (default 0.4) or up to 10 pixels, got {request.Sigma}");
        }

        if (!float.IsFinite(request.Threshold) || request.Threshold < 0 || request.Threshold >= 1)
        {
            throw new InvalidRequestException("threshold", $"threshold must be 0 (the method's default) or in (0, 1), got {request.Threshold}");
        }

        return request.Method switch
        {
            LineArtMethod.Threshold => ScanLineCleaner.Clean(image, request.Threshold > 0
                ? ScanCleanupOptions.Default with { Threshold = request.Threshold }
                : ScanCleanupOptions.Default),
            LineArtMethod.Unspecified or LineArtMethod.Xdog => XDoGLineExtractor.Extract(image, XDoGOptions.Default with
            {
                Sigma = request.Sigma > 0 ? request.Sigma : XDoGOptions.Default.Sigma,
            }),
            _ => throw new InvalidRequestException("method", $"method {(int)request.Method} is unknown; use LINE_ART_METHOD_XDOG or LINE_ART_METHOD_THRESHOLD"),
        };
    }
}
