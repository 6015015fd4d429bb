using System.Security.Claims;
using CrossBorderConsumerCenter.Web.Infrastructure.Configuration;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CrossBorderConsumerCenter.Web.Infrastructure.Security;

/// <summary>
/// Sessions the server can end (table <c>user_sessions</c>, ADR 0090). Signing in starts one and puts its id in the
/// session cookie (<see cref="ClaimType"/>); every request checks it is still open, not past its absolute lifetime and
/// its account not disabled, so ending it works at once, also for a copy of the cookie. One short statement through
/// plain Npgsql per signed-in request.
/// </summary>
public sealed class UserSessions(NpgsqlDataSource database, TimeProvider clock, IOptions<AccountSecurityOptions> options)
{
    public const string ClaimType = "ccc.sid";

    public static class Reasons
    {
        public const string SignedOut = "signed-out";
        public const string SignedOutEverywhere = "signed-out-everywhere";
        public const string Disabled = "disabled";
        public const string PasswordReset = "password-reset";
        public const string PasswordChanged = "password-changed";
        public const string TwoFactorReset = "two-factor-reset";
        public const string TwoFactorChanged = "two-factor-changed";
    }

    public static Guid? IdOf(ClaimsPrincipal? principal) =>
        Guid.TryParse(principal?.FindFirst(ClaimType)?.Value, out var id) ? id : null;

    /// <summary>Starts a session for <paramref name="userId"/>; ended sessions past their lifetime are deleted on the way.</summary>
    public async Task<Guid> StartAsync(Guid userId, CancellationToken ct = default)
    {
        var id = Guid.CreateVersion7();
        var now = clock.GetUtcNow();
        await using var command = database.CreateCommand(
            "WITH old AS (DELETE FROM user_sessions WHERE user_id = $1 AND expires_at < $3) " +
            "INSERT INTO user_sessions (id, user_id, started_at, expires_at) VALUES ($2, $1, $3, $4)");
        command.Parameters.Add(new() { Value = userId });
        command.Parameters.Add(new() { Value = id });
        command.Parameters.Add(new() { Value = now });
        command.Parameters.Add(new() { Value = now.AddHours(options.Value.SessionHours) });
        await command.ExecuteNonQueryAsync(ct);
        return id;
    }

    /// <summary>True when the session is open, within its lifetime, and its account is enabled.</summary>
    public async Task<bool> IsActiveAsync(Guid sessionId, Guid userId, CancellationToken ct = default)
    {
        await using var command = database.CreateCommand(
            "SELECT 1 FROM user_sessions s JOIN users u ON u.id = s.user_id " +
            "WHERE s.id = $1 AND s.user_id = $2 AND s.ended_at IS NULL AND s.expires_at > $3 AND NOT u.is_disabled");
        command.Parameters.Add(new() { Value = sessionId });
        command.Parameters.Add(new() { Value = userId });
        command.Parameters.Add(new() { Value = clock.GetUtcNow() });
        return await command.ExecuteScalarAsync(ct) is not null;
    }

    public async Task EndAsync(Guid sessionId, string reason, CancellationToken ct = default)
    {
        await using var command = database.CreateCommand("UPDATE user_sessions SET ended_at = $2, end_reason = $3 WHERE id = $1 AND ended_at IS NULL");
        command.Parameters.Add(new() { Value = sessionId });
        command.Parameters.Add(new() { Value = clock.GetUtcNow() });
        command.Parameters.Add(new() { Value = reason });
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Ends every open session of the account but <paramref name="except"/>; returns how many there were.</summary>
    public async Task<int> EndAllAsync(Guid userId, string reason, Guid? except = null, CancellationToken ct = default)
    {
        await using var command = database.CreateCommand(
            "UPDATE user_sessions SET ended_at = $2, end_reason = $3 WHERE user_id = $1 AND ended_at IS NULL AND id <> $4");
        command.Parameters.Add(new() { Value = userId });
        command.Parameters.Add(new() { Value = clock.GetUtcNow() });
        command.Parameters.Add(new() { Value = reason });
        command.Parameters.Add(new() { Value = except ?? Guid.Empty });
        return await command.ExecuteNonQueryAsync(ct);
    }
}
