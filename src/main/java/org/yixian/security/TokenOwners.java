package org.yixian.security;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;
import org.yixian.organisation.UserAccounts;
import org.yixian.shared.ClusterSignal;

/**
 * The owners of personal access tokens, remembered for a few seconds so that a busy
 * client does not reload its account on every request. A change of the account on any
 * node (disabled, locked, roles, unit, password) drops it on every node as soon as the
 * change commits ({@link org.yixian.shared.ClusterSignals}); without signals it would
 * still be reloaded after {@value #ACTOR_SECONDS} seconds. A disabled account also loses
 * its page sessions, which live in PostgreSQL, so that no node serves them any more.
 */
@Component
class TokenOwners {

	static final int ACTOR_SECONDS = 10;

	private final UserDetailsService users;

	private final ObjectProvider<FindByIndexNameSessionRepository<?>> sessions;

	private final Map<String, Remembered> recent = new ConcurrentHashMap<>();

	TokenOwners(UserDetailsService users, ObjectProvider<FindByIndexNameSessionRepository<?>> sessions) {
		this.users = users;
		this.sessions = sessions;
	}

	Optional<UserDetails> load(String username) {
		long now = System.nanoTime();
		Remembered remembered = this.recent.get(username);
		if (remembered != null && now - remembered.loadedAt() < ACTOR_SECONDS * 1_000_000_000L) {
			return Optional.of(remembered.user());
		}
		try {
			UserDetails user = this.users.loadUserByUsername(username);
			if (this.recent.size() > 10_000) {
				this.recent.clear();
			}
			this.recent.put(username, new Remembered(user, now));
			return Optional.of(user);
		}
		catch (UsernameNotFoundException ex) {
			return Optional.empty();
		}
	}

	@EventListener
	void on(ClusterSignal signal) {
		if (signal.resync()) {
			this.recent.clear();
		}
		else if (UserAccounts.SIGNAL.equals(signal.topic())) {
			this.recent.remove(signal.key());
			if (signal.local()) {
				endSessionsIfDisabled(signal.key());
			}
		}
	}

	private void endSessionsIfDisabled(String username) {
		FindByIndexNameSessionRepository<?> repository = this.sessions.getIfAvailable();
		if (repository == null) {
			return;
		}
		boolean disabled;
		try {
			disabled = !this.users.loadUserByUsername(username).isEnabled();
		}
		catch (UsernameNotFoundException ex) {
			disabled = true;
		}
		if (disabled) {
			repository.findByPrincipalName(username).keySet().forEach(repository::deleteById);
		}
	}

	private record Remembered(UserDetails user, long loadedAt) {
	}

}
