namespace ColorizeBridge.Grpc.AspNetCore;

/// <summary>Settings of <c>app.UseGrpcWeb()</c>.</summary>
public sealed class GrpcWebOptions
{
    /// <summary>Browser origins allowed to call (CORS); empty allows every origin.</summary>
    public IList<string> AllowedOrigins { get; } = [];
}
