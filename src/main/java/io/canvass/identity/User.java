package io.canvass.identity;

import io.canvass.platform.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;

/** A person who signs in, or a service account (role INTEGRATION, no email or password). */
@Entity
@Table(name = "app_user")
@NamedQuery(name = "User.byEmail", query = "from User u where lower(u.email) = lower(:email)")
@NamedQuery(name = "User.page", query = """
        from User u
        where u.id > :after
          and (:all = true or u.teamId in :teams or u.id = :self)
          and (:anyTeam = true or u.teamId = :teamId)
          and (:anyRole = true or u.role = :role)
          and (:anyActive = true or u.active = :active)
          and (:anyText = true or lower(u.displayName) like :q or lower(u.email) like :q)
          and u.role <> io.canvass.platform.Role.INTEGRATION
        order by u.id""")
@NamedQuery(name = "User.countAdmins", query = "select count(u) from User u where u.role = io.canvass.platform.Role.ADMIN and u.active = true")
@NamedQuery(name = "User.membersOf", query = "select count(u) from User u where u.teamId = :teamId")
public class User {

    @Id
    public UUID id;

    public String email;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    @Column(name = "password_hash")
    public String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Role role;

    @Column(name = "team_id")
    public UUID teamId;

    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    @Column(nullable = false)
    public String locale;

    public String phone;

    @Column(name = "hired_on")
    public LocalDate hiredOn;

    @Column(nullable = false)
    public boolean active = true;

    /** Acts at the finance step of expense claims (approves them and marks them paid). */
    @Column(name = "finance_approver", nullable = false)
    public boolean financeApprover;

    /** Raised to revoke every access token issued before; tokens carry it as the {@code gen} claim. */
    @Column(name = "token_generation", nullable = false)
    public int tokenGeneration;

    @Column(name = "tokens_revoked_at")
    public Instant tokensRevokedAt;

    @CreationTimestamp
    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @UpdateTimestamp
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public int version;

    /** Revokes every access token issued to this user so far (on every replica within seconds). */
    public void revokeAccessTokens() {
        tokenGeneration++;
        tokensRevokedAt = Instant.now();
    }
}
