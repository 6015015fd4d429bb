namespace CrossBorderConsumerCenter.Web.Data.Accounts;

/// <summary>
/// One signed-in session. The session cookie carries its id; every request checks the row, so ending it (signing out,
/// "sign out everywhere", an admin disabling the account or resetting its password) takes effect at once, even for a
/// copy of the cookie. A session also ends at <see cref="ExpiresAt"/> however active it is.
/// </summary>
public sealed class UserSession
{
    public const int MaxEndReasonLength = 30;

    private UserSession()
    {
    }

    public UserSession(Guid id, Guid userId, DateTimeOffset startedAt, DateTimeOffset expiresAt)
    {
        Id = id;
        UserId = userId;
        StartedAt = startedAt;
        ExpiresAt = expiresAt;
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    /// <summary>Why it ended: <c>signed-out</c>, <c>signed-out-everywhere</c>, <c>disabled</c>, <c>password-reset</c>, <c>password-changed</c>, <c>two-factor-reset</c>.</summary>
    public string? EndReason { get; private set; }
}
