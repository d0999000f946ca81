using System.Security.Cryptography.X509Certificates;

namespace ColorizeBridge.Server.Security;

/// <summary>Checks a TLS client certificate against the one CA the studio's admin configured.</summary>
internal static class ClientCertificates
{
    public static bool IssuedBy(X509Certificate2 clientCertificate, X509Certificate2 certificateAuthority)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(certificateAuthority);
        // A private studio CA publishes no revocation list.
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.ApplicationPolicy.Add(new("1.3.6.1.5.5.7.3.2")); // client authentication
        return chain.Build(clientCertificate);
    }
}
