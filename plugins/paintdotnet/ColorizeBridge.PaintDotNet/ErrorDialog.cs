using System.Windows.Forms;
using ColorizeBridge.PaintDotNet.Core;

namespace ColorizeBridge.PaintDotNet;

/// <summary>
/// Shows a failure to the user. Render threads call it, so it must not need
/// Paint.NET's UI thread. The effect's dialog re-renders on every change
/// (each keystroke in the address box), so one message is shown at a time
/// and the same message never twice in a row.
/// </summary>
internal static class ErrorDialog
{
    private static readonly Lock Gate = new();
    private static string? _lastShown;
    private static bool _open;

    public static void Show(DialogMessage message)
    {
        lock (Gate)
        {
            if (_open || message.Text == _lastShown)
            {
                return;
            }

            _open = true;
            _lastShown = message.Text;
        }

        try
        {
            MessageBox.Show(message.Text, message.Title, MessageBoxButtons.OK, MessageBoxIcon.Warning);
        }
        finally
        {
            lock (Gate)
            {
                _open = false;
            }
        }
    }
}
