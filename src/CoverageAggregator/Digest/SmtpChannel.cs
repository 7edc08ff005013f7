using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CoverageAggregator.Digest;

/// <summary>Email over SMTP with MailKit: a multipart/alternative message (plain text and HTML) to every configured recipient.</summary>
public sealed class SmtpChannel(IOptions<DeliveryOptions> options) : IDeliveryChannel
{
    public const string Name = "email";

    public IEnumerable<string> Names => options.Value.Email.Configured ? [Name] : [];

    public async Task SendAsync(string name, OutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var email = options.Value.Email;
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(email.From));
        foreach (var to in email.To)
        {
            mime.To.Add(MailboxAddress.Parse(to));
        }

        mime.Subject = message.Subject;
        mime.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId();
        mime.Body = new BodyBuilder { TextBody = message.Text, HtmlBody = message.Html }.ToMessageBody();

        using var client = new SmtpClient { Timeout = 30_000 };
        var security = email.Security switch
        {
            "none" => SecureSocketOptions.None,
            "starttls" => SecureSocketOptions.StartTls,
            "ssl" => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.Auto,
        };
        await client.ConnectAsync(email.Host ?? throw new InvalidOperationException("Coverage:Delivery:Email:Host is not set"), email.Port, security, cancellationToken).ConfigureAwait(false);
        if (!string.IsNullOrEmpty(email.Username))
        {
            await client.AuthenticateAsync(email.Username, email.Password ?? "", cancellationToken).ConfigureAwait(false);
        }

        await client.SendAsync(mime, cancellationToken).ConfigureAwait(false);
        await client.DisconnectAsync(quit: true, cancellationToken).ConfigureAwait(false);
    }
}
