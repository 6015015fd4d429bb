namespace CrossBorderConsumerCenter.Web.Features.Users;

/// <summary>Marker for Resources/Features/Users/UsersText(.en).resx.</summary>
public sealed class UsersText;
