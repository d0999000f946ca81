using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace ColorizeBridge.Server.Tests.Support;

/// <summary>
/// Debian's nginx, started by the test in a temporary prefix of its own (no
/// root paths, no /etc/nginx), serving deploy/nginx/colorizebridge.conf with
/// its listen port and upstream list replaced by the test's.
/// </summary>
public sealed partial class NginxProxy : IAsyncDisposable
{
    public const string Executable = "/usr/sbin/nginx";
    private readonly Process _process;
    private readonly string _prefix;

    private NginxProxy(Process process, string prefix, Uri address)
    {
        _process = process;
        _prefix = prefix;
        Address = address;
    }

    public Uri Address { get; }

    public string ErrorLog => File.Exists(Path.Combine(_prefix, "error.log")) ? File.ReadAllText(Path.Combine(_prefix, "error.log")) : "";

    public static async Task<NginxProxy> StartAsync(IEnumerable<Uri> instances)
    {
        string prefix = Path.Combine(Path.GetTempPath(), "cb-nginx-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(prefix);
        int port = FreePort();
        string site = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "deploy", "nginx", "colorizebridge.conf"));
        site = ListenLine().Replace(site, $"listen 127.0.0.1:{port} http2;");
        site = ServerLines().Replace(site, "");
        site = site.Replace("least_conn;", "least_conn;\n" + string.Join('\n',
            instances.Select(i => $"    server {i.Host}:{i.Port} max_fails=1 fail_timeout=10s;")));
        File.WriteAllText(Path.Combine(prefix, "colorizebridge.conf"), site);
        // In the foreground (no daemon), every path inside the prefix; workers
        // may run as another user (nobody, when started as root), so they may write there.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(prefix, (UnixFileMode)0x1FF);
        }

        File.WriteAllText(Path.Combine(prefix, "nginx.conf"), $$"""
            daemon off;
            worker_processes 1;
            pid {{prefix}}/nginx.pid;
            error_log {{prefix}}/error.log info;
            events { worker_connections 1024; }
            http {
                access_log off;
                client_body_temp_path {{prefix}}/body;
                proxy_temp_path {{prefix}}/proxy;
                fastcgi_temp_path {{prefix}}/fastcgi;
                uwsgi_temp_path {{prefix}}/uwsgi;
                scgi_temp_path {{prefix}}/scgi;
                include {{prefix}}/colorizebridge.conf;
            }
            """);
        var start = new ProcessStartInfo(Executable) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (string argument in (string[])["-p", prefix + "/", "-c", Path.Combine(prefix, "nginx.conf"), "-e", Path.Combine(prefix, "error.log")])
        {
            start.ArgumentList.Add(argument);
        }

        var proxy = new NginxProxy(Process.Start(start)!, prefix, new Uri($"http://127.0.0.1:{port}"));
        for (int attempt = 0; attempt < 100; attempt++)
        {
            if (proxy._process.HasExited)
            {
                break;
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return proxy;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        string log = proxy.ErrorLog + await proxy._process.StandardError.ReadToEndAsync();
        await proxy.DisposeAsync();
        throw new InvalidOperationException("nginx did not start listening:\n" + log);
    }

    /// <summary>
    /// Takes an instance out before it is stopped, as an operator does
    /// (docs/SCALE-OUT.md): marks it <c>down</c> and reloads nginx (SIGHUP);
    /// calls already on it go on, new ones go to the others.
    /// </summary>
    public async Task TakeOutAsync(Uri instance)
    {
        string site = Path.Combine(_prefix, "colorizebridge.conf");
        string line = $"server {instance.Host}:{instance.Port} ";
        File.WriteAllText(site, File.ReadAllText(site).Replace(line, line + "down "));
        if (Kill(_process.Id, SigHup) != 0)
        {
            throw new InvalidOperationException("could not signal nginx to reload");
        }

        // The new workers take over within a moment; the log says when.
        for (int attempt = 0; attempt < 100 && !ErrorLog.Contains("reconfiguring", StringComparison.Ordinal); attempt++)
        {
            await Task.Delay(20);
        }

        await Task.Delay(200);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_prefix, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private const int SigHup = 1;

    // DllImport rather than LibraryImport: its generated code would need AllowUnsafeBlocks.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    [GeneratedRegex(@"listen\s+\d+\s+http2;")]
    private static partial Regex ListenLine();

    [GeneratedRegex(@"^\s*server\s+[\d.]+:\d+[^\n]*\n", RegexOptions.Multiline)]
    private static partial Regex ServerLines();
}

/// <summary>A test that needs Debian's nginx; skipped, saying how to get it, where it is not installed.</summary>
public sealed class NginxFactAttribute : FactAttribute
{
    public NginxFactAttribute()
    {
        if (!File.Exists(NginxProxy.Executable))
        {
            Skip = "nginx is not installed: apt-get install nginx";
        }
    }
}
