/**
 * The API contract, generated from the server's zod route schemas (OpenAPI document of the app).
 * Do not edit: run `npm run api:generate` after changing a route schema (`npm run api:check` in CI).
 * Use it through web/src/lib/api.ts (typed client) and the ApiResponse/ApiBody/ApiQuery helpers.
 */

export interface paths {
  "/api/health": {
    get: {
      request: {};
      response: {
        status: "ok";
      };
    };
  };
  "/api/meta": {
    get: {
      request: {};
      response: {
        demo: boolean;
        version: string;
      };
    };
  };
  "/api/ready": {
    get: {
      request: {};
      response: {
        status: "ready";
        database: string;
      };
    };
  };
  "/api/jobs": {
    get: {
      request: {};
      response: {
        name: string;
        description: string;
        dailyAt: string | null;
        defaultKey: string;
        lastRuns: {
          id: number;
          runKey: string;
          status: string;
          startedAt: string;
          finishedAt: string | null;
          error: string | null;
          triggeredBy: string | null;
        }[];
        failing: {
          runKey: string;
          failures: number;
          lastError: string | null;
          retrying: boolean;
        }[];
      }[];
    };
  };
  "/api/jobs/{name}/run": {
    post: {
      request: {
        path: {
          name: string;
        };
        body?: {
          key?: string;
        };
      };
      response: {
        id: number;
        status: string;
        result: unknown;
        error: string | null;
      };
    };
  };
  "/api/reactions": {
    get: {
      request: {
        query?: {
          status?: "pending" | "done" | "failed";
          page?: number;
          pageSize?: number;
        };
      };
      response: {
        counts: {
          pending: number;
          done: number;
          failed: number;
        };
        total: number;
        items: {
          id: number;
          event: string;
          reaction: string;
          status: "pending" | "done" | "failed";
          attempts: number;
          nextAttemptAt: string;
          lastError: string | null;
          createdAt: string;
          finishedAt: string | null;
        }[];
      };
    };
  };
  "/api/reactions/{id}/retry": {
    post: {
      request: {
        path: {
          id: number;
        };
      };
      response: {
        ok: true;
      };
    };
  };
  "/api/search": {
    get: {
      request: {
        query: {
          q: string;
          limit?: number;
        };
      };
      response: {
        items: {
          kind: "customer" | "delivery_point" | "procedure_case" | "issue" | "onboarding_case" | "notice";
          id: string;
          title: string;
          subtitle: string | null;
          path: string;
        }[];
      };
    };
  };
  "/api/saved-filters": {
    /** 我在某个列表上保存的筛选条件 */
    get: {
      request: {
        query: {
          list: "customers" | "bank-lines" | "procedure-cases";
        };
      };
      response: {
        id: number;
        list: "customers" | "bank-lines" | "procedure-cases";
        name: string;
        filters: Record<string, unknown>;
        updatedAt: string;
      }[];
    };
    /** 保存当前筛选条件（同名则覆盖） */
    put: {
      request: {
        body: {
          list: "customers" | "bank-lines" | "procedure-cases";
          name: string;
          filters: Record<string, string | number | boolean | null | (string | number)[]>;
        };
      };
      response: {
        id: number;
        list: "customers" | "bank-lines" | "procedure-cases";
        name: string;
        filters: Record<string, unknown>;
        updatedAt: string;
      };
    };
  };
  "/api/saved-filters/{id}": {
    /** 删除我保存的筛选条件 */
    delete: {
      request: {
        path: {
          id: number;
        };
      };
      response: void;
    };
  };
  "/api/auth/login": {
    post: {
      request: {
        body: {
          username: string;
          password: string;
        };
      };
      response: {
        id: number;
        username: string;
        displayName: string;
        roles: ("admin" | "sales_lead" | "account_manager" | "part_time_manager" | "finance" | "reviewer" | "operation_area" | "viewer")[];
        department: string | null;
        lang: "zh-CN" | "en";
        volumeUnit: "m3" | "wan" | "gj" | null;
        mustChangePassword: boolean;
        permissions: string[];
      };
    };
  };
  "/api/auth/logout": {
    post: {
      request: {};
      response: void;
    };
  };
  "/api/auth/me": {
    get: {
      request: {};
      response: {
        id: number;
        username: string;
        displayName: string;
        roles: ("admin" | "sales_lead" | "account_manager" | "part_time_manager" | "finance" | "reviewer" | "operation_area" | "viewer")[];
        department: string | null;
        lang: "zh-CN" | "en";
        volumeUnit: "m3" | "wan" | "gj" | null;
        mustChangePassword: boolean;
        permissions: string[];
      };
    };
  };
  "/api/auth/password": {
    post: {
      request: {
        body: {
          currentPassword: string;
          newPassword: string;
        };
      };
      response: void;
    };
  };
  "/api/auth/lang": {
    put: {
      request: {
        body: {
          lang: "zh-CN" | "en";
        };
      };
      response: void;
    };
  };
  "/api/auth/preferences": {
    put: {
      request: {
        body: {
          volumeUnit: "m3" | "wan" | "gj";
        };
      };
      response: void;
    };
  };
  "/api/notifications": {
    get: {
      request: {
        query?: {
          unread?: "true" | "false";
          limit?: number;
        };
      };
      response: {
        unread: number;
        items: {
          id: number;
          kind: string;
          title: string;
          body: string | null;
          link: string | null;
          customerId: number | null;
          createdAt: string;
          readAt: string | null;
        }[];
      };
    };
  };
  "/api/notifications/read": {
    post: {
      request: {
        body?: {
          ids?: number[];
        };
      };
      response: void;
    };
  };
  "/api/admin/users": {
    get: {
      request: {
        query?: {
          q?: string;
          role?: "admin" | "sales_lead" | "account_manager" | "part_time_manager" | "finance" | "reviewer" | "operation_area" | "viewer";
          disabled?: "true" | "false";
          page?: number;
          pageSize?: number;
        };
      };
      response: {
        total: number;
        items: {
          id: number;
          username: string;
          displayName: string;
          roles: ("admin" | "sales_lead" | "account_manager" | "part_time_manager" | "finance" | "reviewer" | "operation_area" | "viewer")[];
          department: string | null;
          phone: string | null;
          email: string | null;
          disabled: boolean;
          createdAt: string;
        }[];
      };
    };
    post: {
      request: {
        body: {
          username: string;
          displayName: string;
          roles: ("admin" | "sales_lead" | "account_manager" | "part_time_manager" | "finance" | "reviewer" | "operation_area" | "viewer")[];
          department?: string | null;
          phone?: string | null;
          email?: string | null;
          password: string;
        };
      };
      response: {
        id: number;
        username: string;
        displayName: string;
        roles: ("admin" | "sales_lead" | "account_manager" | "part_time_manager" | "finance" | "reviewer" | "operation_area" | "viewer")[];
        department: string | null;
        phone: string | null;
        email: string | null;
        disabled: boolean;
        createdAt: string;
      };
    };
  };
  "/api/admin/users/{id}": {
    patch: {
      request: {
        path: {
          id: number;
        };
        body?: {
          displayName?: string;
          roles?: ("admin" | "sales_lead" | "account_manager" | "part_time_manager" | "finance" | "reviewer" | "operation_area" | "viewer")[];
          department?: string | null;
          phone?: string | null;
          email?: string | null;
          disabled?: boolean;
        };
      };
      response: {
        id: number;
        username: string;
        displayName: string;
        roles: ("admin" | "sales_lead" | "account_manager" | "part_time_manager" | "finance" | "reviewer" | "operation_area" | "viewer")[];
        department: string | null;
        phone: string | null;
        email: string | null;
        disabled: boolean;
        createdAt: string;
      };
    };
  };
  "/api/admin/users/{id}/reset-password": {
    post: {
      request: {
        path: {
          id: number;
        };
        body: {
          newPassword: string;
        };
      };
      response: void;
    };
  };
  "/api/users/directory": {
    get: {
      request: {
        query?: {
          role?: string;
        };
      };
      response: {
        id: number;
        username: string;
        displayName: string;
        roles: string[];
        department: string | null;
        phone: string | null;
      }[];
    };
  };
  "/api/admin/login-throttles": {
    get: {
      request: {};
      response: {
        limits: {
          user: number;
          ip: number;
          windowMinutes: number;
          lockMinutes: number;
        };
        items: {
          key: string;
          kind: string;
          value: string;
          failures: number;
          lockedUntil: string | null;
          lastAttemptAt: string;
        }[];
      };
    };
  };
  "/api/admin/login-throttles/{key}": {
    delete: {
      request: {
        path: {
          key: string;
        };
      };
      response: void;
    };
  };
  "/api/admin/audit": {
    get: {
      request: {
        query?: {
          userId?: number;
          username?: string;
          entity?: string;
          entityId?: string;
          customerId?: number;
          action?: string;
          from?: string;
          to?: string;
          page?: number;
          pageSize?: number;
        };
      };
      response: {
        total: number;
        items: {
          id: number;
          at: string;
          userId: number | null;
          username: string | null;
          action: string;
          entity: string;
          entityId: string | null;
          customerId: number | null;
          before: unknown;
          after: unknown;
          requestId: string | null;
          ip: string | null;
        }[];
      };
    };
  };
  "/api/procedures/cases": {
    get: {
      request: {
        query?: {
          status?: "open" | "restore_proposed" | "closed" | "cancelled" | "active";
          step?: "warning" | "notice" | "reduce" | "stop" | "restore";
          managerId?: number;
          region?: string;
          customerId?: number;
          q?: string;
          page?: number;
          pageSize?: number;
        };
      };
      response: {
        total: number;
        items: ({
          id: number;
          customer: {
            id: number;
            code: string;
            name: string;
            type: string;
            servesResidents: boolean;
            province: string | null;
            city: string | null;
            county: string | null;
            address: string | null;
            status: string;
          };
          status: "open" | "restore_proposed" | "closed" | "cancelled";
          currentStep: "warning" | "notice" | "reduce" | "stop" | "restore" | null;
          pending: {
            stepId: number;
            kind: "warning" | "notice" | "reduce" | "stop" | "restore";
            status: "done" | "pending_approval" | "pending_execution" | "executed" | "rejected" | "cancelled";
          } | null;
          openedVia: "manual" | "auto";
          triggerLevel: "normal" | "warning" | "reduce" | "stop" | null;
          level: "normal" | "warning" | "reduce" | "stop" | null;
          levelGasDay: string | null;
          manager: string | null;
          openedAt: string;
          restoreProposedAt: string | null;
          closedAt: string | null;
          closeReason: string | null;
        })[];
      };
    };
    post: {
      request: {
        body: {
          customerId: number;
          note?: string;
        };
      };
      response: {
        id: number;
        customer: {
          id: number;
          code: string;
          name: string;
          type: string;
          servesResidents: boolean;
          province: string | null;
          city: string | null;
          county: string | null;
          address: string | null;
          status: string;
        };
        status: "open" | "restore_proposed" | "closed" | "cancelled";
        currentStep: "warning" | "notice" | "reduce" | "stop" | "restore" | null;
        pending: {
          stepId: number;
          kind: "warning" | "notice" | "reduce" | "stop" | "restore";
          status: "done" | "pending_approval" | "pending_execution" | "executed" | "rejected" | "cancelled";
        } | null;
        openedVia: "manual" | "auto";
        triggerLevel: "normal" | "warning" | "reduce" | "stop" | null;
        level: "normal" | "warning" | "reduce" | "stop" | null;
        levelGasDay: string | null;
        manager: string | null;
        openedAt: string;
        restoreProposedAt: string | null;
        closedAt: string | null;
        closeReason: string | null;
        note: string | null;
        openedBy: {
          id: number;
          name: string;
        } | null;
        closedBy: {
          id: number;
          name: string;
        } | null;
        managers: {
          id: number;
          name: string;
          kind: "full_time" | "part_time";
          phone: string | null;
        }[];
        payment: {
          level: "normal" | "warning" | "reduce" | "stop";
          balanceFen: number;
          availableDays: string | null;
          avgDailyChargeFen: number | null;
        } | null;
        steps: ({
          id: number;
          caseId: number;
          seq: number;
          kind: "warning" | "notice" | "reduce" | "stop" | "restore";
          status: "done" | "pending_approval" | "pending_execution" | "executed" | "rejected" | "cancelled";
          actor: {
            id: number;
            name: string;
          } | null;
          actedAt: string;
          note: string | null;
          levelAt: "normal" | "warning" | "reduce" | "stop" | null;
          overrideReason: string | null;
          noticeNo: string | null;
          noticeSentAt: string | null;
          receiptDeliveredAt: string | null;
          receiptSignedAt: string | null;
          receiptSigner: string | null;
          operators: {
            id: number;
            name: string;
          }[];
          targetVolumeM3: string | null;
          approvedBy: {
            id: number;
            name: string;
          } | null;
          approvedAt: string | null;
          approvalNote: string | null;
          rejectedBy: {
            id: number;
            name: string;
          } | null;
          rejectedAt: string | null;
          rejectReason: string | null;
          cancelledAt: string | null;
          cancelReason: string | null;
          executedAt: string | null;
          executorName: string | null;
          confirmedBy: {
            id: number;
            name: string;
          } | null;
          confirmedAt: string | null;
          actualVolumeM3: string | null;
          valveClosed: boolean | null;
          executionNote: string | null;
          attachments: {
            id: number;
            stepId: number;
            purpose: "attachment" | "receipt";
            filename: string;
            mime: string;
            sizeBytes: number;
            sha256: string;
            uploadedAt: string;
            uploadedBy: string | null;
          }[];
        })[];
        options: {
          kind: "warning" | "notice" | "reduce" | "stop" | "restore";
          allowed: boolean;
          needsReason: boolean;
          needsApproval: boolean;
          reason: string | null;
        }[];
        canCancel: boolean;
      };
    };
  };
  "/api/procedures/cases/export": {
    get: {
      request: {
        query?: {
          status?: "open" | "restore_proposed" | "closed" | "cancelled" | "active";
          step?: "warning" | "notice" | "reduce" | "stop" | "restore";
          managerId?: number;
          region?: string;
          customerId?: number;
          q?: string;
          page?: number;
          pageSize?: number;
        };
      };
      response: unknown;
    };
  };
  "/api/procedures/cases/{id}": {
    get: {
      request: {
        path: {
          id: number;
        };
      };
      response: {
        id: number;
        customer: {
          id: number;
          code: string;
          name: string;
          type: string;
          servesResidents: boolean;
          province: string | null;
          city: string | null;
          county: string | null;
          address: string | null;
          status: string;
        };
        status: "open" | "restore_proposed" | "closed" | "cancelled";
        currentStep: "warning" | "notice" | "reduce" | "stop" | "restore" | null;
        pending: {
          stepId: number;
          kind: "warning" | "notice" | "reduce" | "stop" | "restore";
          status: "done" | "pending_approval" | "pending_execution" | "executed" | "rejected" | "cancelled";
        } | null;
        openedVia: "manual" | "auto";
        triggerLevel: "normal" | "warning" | "reduce" | "stop" | null;
        level: "normal" | "warning" | "reduce" | "stop" | null;
        levelGasDay: string | null;
        manager: string | null;
        openedAt: string;
        restoreProposedAt: string | null;
        closedAt: string | null;
        closeReason: string | null;
        note: string | null;
        openedBy: {
          id: number;
          name: string;
        } | null;
        closedBy: {
          id: number;
          name: string;
        } | null;
        managers: {
          id: number;
          name: string;
          kind: "full_time" | "part_time";
          phone: string | null;
        }[];
        payment: {
          level: "normal" | "warning" | "reduce" | "stop";
          balanceFen: number;
          availableDays: string | null;
          avgDailyChargeFen: number | null;
        } | null;
        steps: ({
          id: number;
          caseId: number;
          seq: number;
          kind: "warning" | "notice" | "reduce" | "stop" | "restore";
          status: "done" | "pending_approval" | "pending_execution" | "executed" | "rejected" | "cancelled";
          actor: {
            id: number;
            name: string;
          } | null;
          actedAt: string;
          note: string | null;
          levelAt: "normal" | "warning" | "reduce" | "stop" | null;
          overrideReason: string | null;
          noticeNo: string | null;
          noticeSentAt: string | null;
          receiptDeliveredAt: string | null;
          receiptSignedAt: string | null;
          receiptSigner: string | null;
          operators: {
            id: number;
            name: string;
          }[];
          targetVolumeM3: string | null;
          approvedBy: {
            id: number;
            name: string;
          } | null;
          approvedAt: string | null;
          approvalNote: string | null;
          rejectedBy: {
            id: number;
            name: string;
          } | null;
          rejectedAt: string | null;
          rejectReason: string | null;
          cancelledAt: string | null;
          cancelReason: string | null;
          executedAt: string | null;
          executorName: string | null;
          confirmedBy: {
            id: number;
            name: string;
          } | null;
          confirmedAt: string | null;
          actualVolumeM3: string | null;
          valveClosed: boolean | null;
          executionNote: string | null;
          attachments: {
            id: number;
            stepId: number;
            purpose: "attachment" | "receipt";
            filename: string;
            mime: string;
            sizeBytes: number;
            sha256: string;
            uploadedAt: string;
            uploadedBy: string | null;
          }[];
        })[];
        options: {
          kind: "warning" | "notice" | "reduce" | "stop" | "restore";
          allowed: boolean;
          needsReason: boolean;
          needsApproval: boolean;
          reason: string | null;
        }[];
        canCancel: boolean;
      };
    };
  };
  "/api/procedures/cases/{id}/steps": {
    post: {
      request: {
        path: {
          id: number;
        };
        body: {
          kind: "warning" | "notice" | "reduce" | "stop" | "restore";
          note?: string;
          overrideReason?: string;
          operatorUserIds?: number[];
          targetVolumeM3?: string | number;
          noticeNo?: string;
          sentAt?: string;
        };
      };
      response: {
        id: number;
        customer: {
          id: number;
          code: string;
          name: string;
          type: string;
          servesResidents: boolean;
          province: string | null;
          city: string | null;
          county: string | null;
          address: string | null;
          status: string;
        };
        status: "open" | "restore_proposed" | "closed" | "cancelled";
        currentStep: "warning" | "notice" | "reduce" | "stop" | "restore" | null;
        pending: {
          stepId: number;
          kind: "warning" | "notice" | "reduce" | "stop" | "restore";
          status: "done" | "pending_approval" | "pending_execution" | "executed" | "rejected" | "cancelled";
        } | null;
        openedVia: "manual" | "auto";
        triggerLevel: "normal" | "warning" | "reduce" | "stop" | null;
        level: "normal" | "warning" | "reduce" | "stop" | null;
        levelGasDay: string | null;
        manager: string | null;
        openedAt: string;
        restoreProposedAt: string | null;
        closedAt: string | null;
        closeReason: string | null;
        note: string | null;
        openedBy: {
          id: number;
          name: string;
        } | null;
        closedBy: {
          id: number;
          name: string;
        } | null;
        managers: {
          id: number;
          name: string;
          kind: "full_time" | "part_time";
          phone: string | null;
        }[];
        payment: {
          level: "normal" | "warning" | "reduce" | "stop";
          balanceFen: number;
          availableDays: string | null;
          avgDailyChargeFen: number | null;
        } | null;
        steps: ({
          id: number;
          caseId: number;
          seq: number;
          kind: "warning" | "notice" | "reduce" | "stop" | "restore";
          status: "done" | "pending_approval" | "pending_execution" | "executed" | "rejected" | "cancelled";
          actor: {
            id: number;
            name: string;
          } | null;
          actedAt: string;
          note: string | null;
          levelAt: "normal" | "warning" | "reduce" | "stop" | null;
          overrideReason: string | null;
          noticeNo: string | null;
          noticeSentAt: string | null;
          receiptDeliveredAt: string | null;
          receiptSignedAt: string | null;
          receiptSigner: string | null;
          operators: {
            id: number;
            name: string;
          }[];
          targetVolumeM3: string | null;
          approvedBy: {
            id: number;
            name: string;
          } | null;
          approvedAt: string | null;
          approvalNote: string | null;
          rejectedBy: {
            id: number;
            name: string;
          } | null;
          rejectedAt: string | null;
          rejectReason: string | null;
          cancelledAt: string | null;
          cancelReason: string | null;
          executedAt: string | null;
          executorName: string | null;
          confirmedBy: {
            id: number;
            name: string;
          } | null;
          confirmedAt: string | null;
          actualVolumeM3: string | null;
          valveClosed: boolean | null;
          executionNote: string | null;
          attachments: {
            id: number;
            stepId: number;
            purpose: "attachment" | "receipt";
            filename: string;
            mime: string;
            sizeBytes: number;
            sha256: string;
            uploadedAt: string;
            uploadedBy: string | null;
          }[];
        })[];
        options: {
          kind: "warning" | "notice" | "reduce" | "stop" | "restore";
          allowed: boolean;
          needsReason: boolean;
          needsApproval: boolean;
          reason: string | null;
        }[];
        canCancel: boolean;
      };
    };
  };
  "/api/procedures/cases/{id}/cancel": {
    post: {
      request: {
        path: {
          id: number;
        };
        body: {
          reason: string;
        };
      };
      response: {
        id: number;
        customer: {
          id: number;
          code: string;
          name: string;
          type: string;
          servesResidents: boolean;
          province: string | null;
          city: string | null;
          county: string | null;
          address: string | null;
          status: string;
        };
        status: "open" | "restore_proposed" | "closed" | "cancelled";
        currentStep: "warning" | "notice" | "reduce" | "stop" | "restore" | null;
        pending: {
          stepId: number;
          kind: "warning" | "notice" | "reduce" | "stop" | "restore";
          status: "done" | "pending_approval" | "pending_execution" | "executed" | "rejected" | "cancelled";
        } | null;
        openedVia: "manual" | "auto";
        triggerLevel: "normal" | "warning" | "reduce" | "stop" | null;
        level: "normal" | "warning" | "reduce" | "stop" | null;
        levelGasDay: string | null;
        manager: string | null;
        openedAt: string;
        restoreProposedAt: string | null;
        closedAt: string | null;
        closeReason: string | null;
        note: string | null;
        openedBy: {
          id: number;
          name: string;
        } | null;
        closedBy: {
          id: number;
          name: string;
        } | null;
        managers: {
          id: number;
          name: string;
          kind: "full_time" | "part_time";
          phone: string | null;
        }[];
        payment: {
          level: "normal" | "warning" | "reduce" | "stop";
          balanceFen: number;
          availableDays: string | null;
          avgDailyChargeFen: number | null;
        } | null;
        steps: ({
          id: number;
          caseId: number;
          seq: number;
          kind: "warning" | "notice" | "reduce" | "stop" | "restore";
          status: "done" | "pending_approval" | "pending_execution" | "executed" | "rejected" | "cancelled";
          actor: {
            id: number;
            name: string;
          } | null;
          actedAt: string;
          note: string | null;
          levelAt: "normal" | "warning" | "reduce" | "stop" | null;
          overrideReason: string | null;
          noticeNo: string | null;
          noticeSentAt: string | null;
          receiptDeliveredAt: string | null;
          receiptSignedAt: string | null;
          receiptSigner: string | null;
          operators: {
            id: number;
            name: string;
          }[];
          targetVolumeM3: string | null;
          approvedBy: {
            id: number;
            name: string;
          } | null;
          approvedAt: string | null;
          approvalNote: string | null;
          rejectedBy: {
            id: number;
            name: string;
          } | null;
          rejectedAt: string | null;
          rejectReason: string | null;
          cancelledAt: string | null;
          cancelReason: string | null;
          executedAt: string | null;
          executorName: string | null;
          confirmedBy: {
            id: number;
            name: string;
          } | null;
          confirmedAt: string | null;
          actualVolumeM3: string | null;
          valveClosed: boolean | null;
          executionNote: string | null;
          attachments: {
            id: number;
            stepId: number;
            purpose: "attachment" | "receipt";
            filename: string;
            mime: string;
            sizeBytes: number;
            sha256: string;
            uploadedAt: string;
            uploadedBy: string | null;
          }[];
        })[];
        options: {
          kind: "warning" | "notice" | "reduce" | "stop" | "restore";
          allowed: boolean;
          needsReason: boolean;
          needsApproval: boolean;
          reason: string | null;
        }[];
        canCancel: boolean;
      };
    };
  };
  "/api/procedures/cases/{id}/steps/{stepId}/receipt": {
    patch: {
      request: {
        path: {
          id: number;
          stepId: number;
        };
        body?: {
          deliveredAt?: string | null;
          signedAt?: string | null;
          signer?: string | null;
        };
      };
      response: {
        id: number;
        customer: {
          id: number;
          code: string;
          name: string;
          type: string;
          servesResidents: boolean;
          province: string | null;
          city: string | null;
          county: string | null;
          address: string | null;
          status: string;
        };
        status: "open" | "restore_proposed" | "closed" | "cancelled";
        currentStep: "warning" | "notice" | "reduce" | "stop" | "restore" | null;
        pending: {
          stepId: number;
          kind: "warning" | "notice" | "reduce" | "stop" | "restore";
          status: "done" | "pending_approval" | "pending_execution" | "executed" | "rejected" | "cancelled";
        } | null;
        openedVia: "manual" | "auto";
        triggerLevel: "normal" | "warning" | "reduce" | "stop" | null;
        level: "normal" | "warning" | "reduce" | "stop" | null;
        levelGasDay: string | null;
        manager: string | null;
        openedAt: string;
        restoreProposedAt: string | null;
        closedAt: string | null;
        closeReason: string | null;
        note: string | null;
        openedBy: {
          id: number;
          name: string;
        } | null;
        closedBy: {
          id: number;
          name: string;
        } | null;
        managers: {
          id: number;
          name: string;
          kind: "full_time" | "part_time";
          phone: string | null;
        }[];
        payment: {
          level: "normal" | "warning" | "reduce" | "stop";
          balanceFen: number;
          availableDays: string | null;
          avgDailyChargeFen: number | null;
        } | null;
        steps: ({
          id: number;
          caseId: number;
          seq: number;
          kind: "warning" | "notice" | "reduce" | "stop" | "restore";
          status: "done" | "pending_approval" | "pending_execution" | "executed" | "rejected" | "cancelled";
          actor: {
            id: number;
            name: string;
          } | null;
          actedAt: string;
          note: string | null;
          levelAt: "normal" | "warning" | "reduce" | "stop" | null;
          overrideReason: string | null;
          noticeNo: string | null;
          noticeSentAt: string | null;
          receiptDeliveredAt: string | null;
          receiptSignedAt: string | null;
          receiptSigner: string | null;
          operators: {
            id: number;
            name: string;
          }[];
          targetVolumeM3: string | null;
          approvedBy: {
            id: number;
            name: string;
          } | null;
          approvedAt: string | null;
          approvalNote: string | null;
          rejectedBy: {
            id: number;
            name: string;
          } | null;
          rejectedAt: string | null;
          rejectReason: string | null;
          cancelledAt: string | null;
          cancelReason: string | null;
          executedAt: string | null;
          executorName: string | null;
          confirmedBy: {
            id: number;
            name: string;
          } | null;
          confirmedAt: string | null;
          actualVolumeM3: string | null;
          valveClosed: boolean | null;
          executionNote: string | null;
          attachments: {
            id: number;
            stepId: number;
            purpose: "attachment" | "receipt";
            filename: string;
            mime: string;
            sizeBytes: number;
            sha256: string;
            uploadedAt: string;
            uploadedBy: string | null;
          }[];
        })[];
        options: {
          kind: "warning" | "notice" | "reduce" | "stop" | "restore";
          allowed: boolean;
          needsReason: boolean;
          needsApproval: boolean;
          reason: string | null;
        }[];
        canCancel: boolean;
      };
    };
  };
  "/api/procedures/cases/{id}/steps/{stepId}/approve": {
    post: {
      request: {
        path: {
          id: number;
          stepId: number;
        };
        body?: {
          note?: string;
        };
      };
      response: {
        id: number;
        customer: {
          id: number;
          code: string;
          name: string;
          type: string;
          servesResidents: boolean;
          province: string | null;
          city: string | null;
          county: string | null;
          address: string | null;
          status: string;
        };
        status: "open" | "restore_proposed" | "closed" | "cancelled";
        currentStep: "warning" | "notice" | "reduce" | "stop" | "restore" | null;
        pending: {
          stepId: number;
          kind: "warning" | "notice" | "reduce" | "stop" | "restore";
          status: "done" | "pending_approval" | "pending_execution" | "executed" | "rejected" | "cancelled";
        } | null;
        openedVia: "manual" | "auto";
        triggerLevel: "normal" | "warning" | "reduce" | "stop" | null;
        level: "normal" | "warning" | "reduce" | "stop" | null;
        levelGasDay: string | null;
        manager: string | null;
        openedAt: string;
        restoreProposedAt: string | null;
        closedAt: string | null;
        closeReason: string | null;
        note: string | null;
        openedBy: {
          id: number;
          name: string;
        } | null;
        closedBy: {
          id: number;
          name: string;
        } | null;
        managers: {
          id: number;
          name: string;
          kind: "full_time" | "part_time";
          phone: string | null;
        }[];
        payment: {
          level: "normal" | "warning" | "reduce" | "stop";
          balanceFen: number;
          availableDays: string | null;
          avgDailyChargeFen: number | null;
        } | null;
        steps: ({
          id: number;
          caseId: number;
          seq: number;
          kind: "warning" | "notice" | "reduce" | "stop" | "restore";
          status: "done" | "pending_approval" | "pending_execution" | "executed" | "rejected" | "cancelled";
          actor: {
            id: number;
            name: string;
          } | null;
          actedAt: string;
          note: string | null;
          levelAt: "normal" | "warning" | "reduce" | "stop" | null;
          overrideReason: string | null;
          noticeNo: string | null;
          noticeSentAt: string | null;
          receiptDeliveredAt: string | null;
          receiptSignedAt: string | null;
          receiptSigner: string | null;
          operators: {
            id: number;
            name: string;
          }[];
          targetVolumeM3: string | null;
          approvedBy: {
            id: number;
            name: string;
          } | null;
          approvedAt: string | null;
          approvalNote: string | null;
          rejectedBy: {
            id: number;
            name: string;
          } | null;
          rejectedAt: string | null;
          rejectReason: string | null;
          cancelledAt: string | null;
          cancelReason: string | null;
          executedAt: string | null;
          executorName: string | null;
          confirmedBy: {
            id: number;
            name: string;
          } | null;
          confirmedAt: string | null;
          actualVolumeM3: string | null;
          valveClosed: boolean | null;
          executionNote: string | null;
          attachments: {
            id: number;
            stepId: number;
            purpose: "attachment" | "receipt";
            filename: string;
            mime: string;
            sizeBytes: number;
            sha256: string;
            uploadedAt: string;
            uploadedBy: string | null;
          }[];
        })[];
        options: {
          kind: "warning" | "notice" | "reduce" | "stop" | "restore";
          allowed: boolean;
          needsReason: boolean;
          needsApproval: boolean;
          reason: string | null;
        }[];
        canCancel: boolean;
      };
    };
  };
  "/api/procedures/cases/{id}/steps/{stepId}/reject": {
    post: {
      request: {
        path: {
          id: number;
          stepId: number;
        };
        body: {
          reason: string;
        };
      };
      response: {
        id: number;
        customer: {
          id: number;
          code: string;
          name: string;
          type: string;
          servesResidents: boolean;
          province: string | null;
          city: string | null;
          county: string | null;
          address: string | null;
          status: string;
        };
        status: "open" | "restore_proposed" | "closed" | "cancelled";
        currentStep: "warning" | "notice" | "reduce" | "stop" | "restore" | null;
        pending: {
          stepId: number;
          kind: "warning" | "notice" | "reduce" | "stop" | "restore";
          status: "done" | "pending_approval" | "pending_execution" | "executed" | "rejected" | "cancelled";
        } | null;
        openedVia: "manual" | "auto";
        triggerLevel: "normal" | "warning" | "reduce" | "stop" | null;
        level: "normal" | "warning" | "reduce" | "stop" | null;
        levelGasDay: string | null;
        manager: string | null;
        openedAt: string;
        restoreProposedAt: string | null;
        closedAt: string | null;
        closeReason: string | null;
        note: string | null;
        openedBy: {
          id: number;
          name: string;
        } | null;
        closedBy: {
          id: number;
          name: string;
        } | null;
        managers: {
          id: number;
          name: string;
          kind: "full_time" | "part_time";
          phone: string | null;
        }[];
        payment: {
          level: "normal" | "warning" | "reduce" | "stop";
          balanceFen: number;
          availableDays: string | null;
          avgDailyChargeFen: number | null;
        } | null;
        steps: ({
          id: number;
          caseId: number;
          seq: number;
          kind: "warning" | "notice" | "reduce" | "stop" | "restore";
          status: "done" | "pending_approval" | "pending_execution" | "executed" | "rejected" | "cancelled";
          actor: {
            id: number;
            name: string;
          } | null;
          actedAt: string;
          note: string | null;
          levelAt: "normal" | "warning" | "reduce" | "stop" | null;
          overrideReason: string | null;
          noticeNo: string | null;
          noticeSentAt: string | null;
          receiptDeliveredAt: string | null;
          receiptSignedAt: string | null;
          receiptSigner: string | null;
          operators: {
            id: number;
            name: string;
          }[];
          targetVolumeM3: string | null;
          approvedBy: {
            id: number;
            name: string;
          } | null;
          approvedAt: string | null;
          approvalNote: string | null;
          rejectedBy: {
            id: number;
            name: string;
          } | null;
          rejectedAt: string | null;
          rejectReason: string | null;
          cancelledAt: string | null;
          cancelReason: string | null;
          executedAt: string | null;
          executorName: string | null;
          confirmedBy: {
            id: number;
            name: string;
          } | null;
          confirmedAt: string | null;
          actualVolumeM3: string | null;
          valveClosed: boolean | null;
          executionNote: string | null;
          attachments: {
            id: number;
            stepId: number;
            purpose: "attachment" | "receipt";
            filename: string;
            mime: string;
            sizeBytes: number;
            sha256: string;
            uploadedAt: string;
            uploadedBy: string | null;
          }[];
        })[];
        options: {
          kind: "warning" | "notice" | "reduce" | "stop" | "restore";
          allowed: boolean;
          needsReason: boolean;
          needsApproval: boolean;
          reason: string | null;
        }[];
        canCancel: boolean;
      };
    };
  };
  "/api/procedures/cases/{id}/steps/{stepId}/confirm": {
    post: {
      request: {
        path: {
          id: number;
          stepId: number;
        };
        body: {
          executedAt: string;
          executorName: string;
          actualVolumeM3?: string | number;
          valveClosed?: boolean;
          note?: string;
          overrideReason?: string;
        };
      };
      response: {
        id: number;
        customer: {
          id: number;
          code: string;
          name: string;
          type: string;
          servesResidents: boolean;
          province: string | null;
          city: string | null;
          county: string | null;
          address: string | null;
          status: string;
        };
        status: "open" | "restore_proposed" | "closed" | "cancelled";
        currentStep: "warning" | "notice" | "reduce" | "stop" | "restore" | null;
        pending: {
          stepId: number;
          kind: "warning" | "notice" | "reduce" | "stop" | "restore";
          status: "done" | "pending_approval" | "pending_execution" | "executed" | "rejected" | "cancelled";
        } | null;
        openedVia: "manual" | "auto";
        triggerLevel: "normal" | "warning" | "reduce" | "stop" | null;
        level: "normal" | "warning" | "reduce" | "stop" | null;
        levelGasDay: string | null;
        manager: string | null;
        openedAt: string;
        restoreProposedAt: string | null;
        closedAt: string | null;
        closeReason: string | null;
        note: string | null;
        openedBy: {
          id: number;
          name: string;
        } | null;
        closedBy: {
          id: number;
          name: string;
        } | null;
        managers: {
          id: number;
          name: string;
          kind: "full_time" | "part_time";
          phone: string | null;
        }[];
        payment: {
          level: "normal" | "warning" | "reduce" | "stop";
          balanceFen: number;
          availableDays: string | null;
          avgDailyChargeFen: number | null;
        } | null;
        steps: ({
          id: number;
          caseId: number;
          seq: number;
          kind: "warning" | "notice" | "reduce" | "stop" | "restore";
          status: "done" | "pending_approval" | "pending_execution" | "executed" | "rejected" | "cancelled";
          actor: {
            id: number;
            name: string;
          } | null;
          actedAt: string;
          note: string | null;
          levelAt: "normal" | "warning" | "reduce" | "stop" | null;
          overrideReason: string | null;
          noticeNo: string | null;
          noticeSentAt: string | null;
          receiptDeliveredAt: string | null;
          receiptSignedAt: string | null;
          receiptSigner: string | null;
          operators: {
            id: number;
            name: string;
          }[];
          targetVolumeM3: string | null;
          approvedBy: {
            id: number;
            name: string;
          } | null;
          approvedAt: string | null;
          approvalNote: string | null;
          rejectedBy: {
            id: number;
            name: string;
          } | null;
          rejectedAt: string | null;
          rejectReason: string | null;
          cancelledAt: string | null;
          cancelReason: string | null;
          executedAt: string | null;
          executorName: string | null;
          confirmedBy: {
            id: number;
            name: string;
          } | null;
          confirmedAt: string | null;
          actualVolumeM3: string | null;
          valveClosed: boolean | null;
          executionNote: string | null;
          attachments: {
            id: number;
            stepId: number;
            purpose: "attachment" | "receipt";
            filename: string;
            mime: string;
            sizeBytes: number;
            sha256: string;
            uploadedAt: string;
            uploadedBy: string | null;
          }[];
        })[];
        options: {
          kind: "warning" | "notice" | "reduce" | "stop" | "restore";
          allowed: boolean;
          needsReason: boolean;
          needsApproval: boolean;
          reason: string | null;
        }[];
        canCancel: boolean;
      };
    };
  };
  "/api/procedures/cases/{id}/steps/{stepId}/attachments": {
    post: {
      request: {
        path: {
          id: number;
          stepId: number;
        };
      };
      response: {
        id: number;
        stepId: number;
        purpose: "attachment" | "receipt";
        filename: string;
        mime: string;
        sizeBytes: number;
        sha256: string;
        uploadedAt: string;
        uploadedBy: string | null;
      };
    };
  };
  "/api/procedures/cases/{id}/attachments/{attachmentId}": {
    get: {
      request: {
        path: {
          id: number;
          attachmentId: number;
        };
      };
      response: unknown;
    };
  };
  "/api/procedures/cases/{id}/steps/{stepId}/notice.pdf": {
    get: {
      request: {
        path: {
          id: number;
          stepId: number;
        };
        query?: {
          lang?: "zh-CN" | "en";
        };
      };
      response: unknown;
    };
  };
  "/api/procedures/operators": {
    get: {
      request: {
        query: {
          customerId: number;
        };
      };
      response: {
        id: number;
        name: string;
        department: string | null;
        phone: string | null;
        suggested: boolean;
      }[];
    };
  };
  "/api/procedures/customers": {
    get: {
      request: {
        query?: {
          q?: string;
        };
      };
      response: {
        items: {
          id: number;
          code: string;
          name: string;
          city: string | null;
          servesResidents: boolean;
          openCaseId: number | null;
        }[];
      };
    };
  };
  "/api/procedures/instructions": {
    get: {
      request: {
        query?: {
          status?: "pending" | "done" | "all";
          page?: number;
          pageSize?: number;
        };
      };
      response: {
        total: number;
        items: ({
          id: number;
          caseId: number;
          seq: number;
          kind: "warning" | "notice" | "reduce" | "stop" | "restore";
          status: "done" | "pending_approval" | "pending_execution" | "executed" | "rejected" | "cancelled";
          actor: {
            id: number;
            name: string;
          } | null;
          actedAt: string;
          note: string | null;
          levelAt: "normal" | "warning" | "reduce" | "stop" | null;
          overrideReason: string | null;
          noticeNo: string | null;
          noticeSentAt: string | null;
          receiptDeliveredAt: string | null;
          receiptSignedAt: string | null;
          receiptSigner: string | null;
          operators: {
            id: number;
            name: string;
          }[];
          targetVolumeM3: string | null;
          approvedBy: {
            id: number;
            name: string;
          } | null;
          approvedAt: string | null;
          approvalNote: string | null;
          rejectedBy: {
            id: number;
            name: string;
          } | null;
          rejectedAt: string | null;
          rejectReason: string | null;
          cancelledAt: string | null;
          cancelReason: string | null;
          executedAt: string | null;
          executorName: string | null;
          confirmedBy: {
            id: number;
            name: string;
          } | null;
          confirmedAt: string | null;
          actualVolumeM3: string | null;
          valveClosed: boolean | null;
          executionNote: string | null;
          attachments: {
            id: number;
            stepId: number;
            purpose: "attachment" | "receipt";
            filename: string;
            mime: string;
            sizeBytes: number;
            sha256: string;
            uploadedAt: string;
            uploadedBy: string | null;
          }[];
          customer: {
            id: number;
            code: string;
            name: string;
            type: string;
            servesResidents: boolean;
            province: string | null;
            city: string | null;
            county: string | null;
            address: string | null;
            status: string;
          };
          caseStatus: "open" | "restore_proposed" | "closed" | "cancelled";
        })[];
      };
    };
  };
  "/api/procedures/approvals": {
    get: {
      request: {
        query?: {
          status?: "pending" | "decided" | "all";
          page?: number;
          pageSize?: number;
        };
      };
      response: {
        total: number;
        items: ({
          id: number;
          caseId: number;
          seq: number;
          kind: "warning" | "notice" | "reduce" | "stop" | "restore";
          status: "done" | "pending_approval" | "pending_execution" | "executed" | "rejected" | "cancelled";
          actor: {
            id: number;
            name: string;
          } | null;
          actedAt: string;
          note: string | null;
          levelAt: "normal" | "warning" | "reduce" | "stop" | null;
          overrideReason: string | null;
          noticeNo: string | null;
          noticeSentAt: string | null;
          receiptDeliveredAt: string | null;
          receiptSignedAt: string | null;
          receiptSigner: string | null;
          operators: {
            id: number;
            name: string;
          }[];
          targetVolumeM3: string | null;
          approvedBy: {
            id: number;
            name: string;
          } | null;
          approvedAt: string | null;
          approvalNote: string | null;
          rejectedBy: {
            id: number;
            name: string;
          } | null;
          rejectedAt: string | null;
          rejectReason: string | null;
          cancelledAt: string | null;
          cancelReason: string | null;
          executedAt: string | null;
          executorName: string | null;
          confirmedBy: {
            id: number;
            name: string;
          } | null;
          confirmedAt: string | null;
          actualVolumeM3: string | null;
          valveClosed: boolean | null;
          executionNote: string | null;
          attachments: {
            id: number;
            stepId: number;
            purpose: "attachment" | "receipt";
            filename: string;
            mime: string;
            sizeBytes: number;
            sha256: string;
            uploadedAt: string;
            uploadedBy: string | null;
          }[];
          customer: {
            id: number;
            code: string;
            name: string;
            type: string;
            servesResidents: boolean;
            province: string | null;
            city: string | null;
            county: string | null;
            address: string | null;
            status: string;
          };
          caseStatus: "open" | "restore_proposed" | "closed" | "cancelled";
        })[];
      };
    };
  };
  "/api/customers/{id}/contacts": {
    get: {
      request: {
        path: {
          id: number;
        };
        query?: {
          includeDeleted?: "true" | "false";
        };
      };
      response: {
        items: {
          id: number;
          customerId: number;
          name: string;
          title: string | null;
          mobile: string | null;
          landline: string | null;
          email: string | null;
          role: string;
          isPrimary: boolean;
          notes: string | null;
          createdAt: string;
          updatedAt: string;
          deletedAt: string | null;
        }[];
      };
    };
    post: {
      request: {
        path: {
          id: number;
        };
        body: {
          name: string;
          title?: string | null;
          mobile?: string | null | "";
          landline?: string | null | "";
          email?: string | null | "";
          role: "legal_rep" | "finance" | "dispatch" | "safety" | "business" | "other";
          isPrimary?: boolean;
          notes?: string | null;
        };
      };
      response: {
        id: number;
        customerId: number;
        name: string;
        title: string | null;
        mobile: string | null;
        landline: string | null;
        email: string | null;
        role: string;
        isPrimary: boolean;
        notes: string | null;
        createdAt: string;
        updatedAt: string;
        deletedAt: string | null;
      };
    };
  };
  "/api/contacts/{id}": {
    patch: {
      request: {
        path: {
          id: number;
        };
        body?: {
          name?: string;
          title?: string | null;
          mobile?: string | null | "";
          landline?: string | null | "";
          email?: string | null | "";
          role?: "legal_rep" | "finance" | "dispatch" | "safety" | "business" | "other";
          isPrimary?: boolean;
          notes?: string | null;
        };
      };
      response: {
        id: number;
        customerId: number;
        name: string;
        title: string | null;
        mobile: string | null;
        landline: string | null;
        email: string | null;
        role: string;
        isPrimary: boolean;
        notes: string | null;
        createdAt: string;
        updatedAt: string;
        deletedAt: string | null;
      };
    };
    delete: {
      request: {
        path: {
          id: number;
        };
      };
      response: void;
    };
  };
  "/api/contacts/{id}/primary": {
    post: {
      request: {
        path: {
          id: number;
        };
      };
      response: {
        id: number;
        customerId: number;
        name: string;
        title: string | null;
        mobile: string | null;
        landline: string | null;
        email: string | null;
        role: string;
        isPrimary: boolean;
        notes: string | null;
        createdAt: string;
        updatedAt: string;
        deletedAt: string | null;
      };
    };
  };
  "/api/contacts/{id}/history": {
    get: {
      request: {
        path: {
          id: number;
        };
      };
      response: {
        items: {
          id: number;
          at: string;
          username: string | null;
          action: string;
          before: unknown;
          after: unknown;
        }[];
      };
    };
  };
  "/api/interactions": {
    get: {
      request: {
        query?: {
          customerId?: number;
          kind?: "phone" | "visit" | "meeting" | "online";
          topic?: "price" | "payment" | "quality_metering" | "policy" | "supply" | "complaint" | "other";
          ownerId?: number;
          from?: string;
          to?: string;
          q?: string;
          page?: number;
          pageSize?: number;
        };
      };
      response: {
        total: number;
        items: {
          id: number;
          customerId: number;
          customerCode: string;
          customerName: string;
          kind: string;
          occurredOn: string;
          topic: string;
          summary: string;
          ownerId: number;
          ownerName: string;
          users: {
            id: number;
            name: string;
          }[];
          contacts: {
            id: number;
            name: string;
          }[];
          otherParticipants: string | null;
          nextStep: string | null;
          taskIds: number[];
          createdAt: string;
          updatedAt: string;
        }[];
      };
    };
    post: {
      request: {
        body: {
          customerId: number;
          kind: "phone" | "visit" | "meeting" | "online";
          occurredOn: string;
          topic: "price" | "payment" | "quality_metering" | "policy" | "supply" | "complaint" | "other";
          summary: string;
          ownerId?: number;
          userIds?: number[];
          contactIds?: number[];
          otherParticipants?: string | null;
          nextStep?: string | null;
          followUp?: {
            title?: string;
            dueOn: string;
            assigneeId?: number;
          };
        };
      };
      response: {
        id: number;
        customerId: number;
        customerCode: string;
        customerName: string;
        kind: string;
        occurredOn: string;
        topic: string;
        summary: string;
        ownerId: number;
        ownerName: string;
        users: {
          id: number;
          name: string;
        }[];
        contacts: {
          id: number;
          name: string;
        }[];
        otherParticipants: string | null;
        nextStep: string | null;
        taskIds: number[];
        createdAt: string;
        updatedAt: string;
      };
    };
  };
  "/api/interactions/export": {
    get: {
      request: {
        query?: {
          customerId?: number;
          kind?: "phone" | "visit" | "meeting" | "online";
          topic?: "price" | "payment" | "quality_metering" | "policy" | "supply" | "complaint" | "other";
          ownerId?: number;
          from?: string;
          to?: string;
          q?: string;
        };
      };
      response: unknown;
    };
  };
  "/api/interactions/{id}": {
    get: {
      request: {
        path: {
          id: number;
        };
      };
      response: {
        id: number;
        customerId: number;
        customerCode: string;
        customerName: string;
        kind: string;
        occurredOn: string;
        topic: string;
        summary: string;
        ownerId: number;
        ownerName: string;
        users: {
          id: number;
          name: string;
        }[];
        contacts: {
          id: number;
          name: string;
        }[];
        otherParticipants: string | null;
        nextStep: string | null;
        taskIds: number[];
        createdAt: string;
        updatedAt: string;
      };
    };
    patch: {
      request: {
        path: {
          id: number;
        };
        body?: {
          kind?: "phone" | "visit" | "meeting" | "online";
          occurredOn?: string;
          topic?: "price" | "payment" | "quality_metering" | "policy" | "supply" | "complaint" | "other";
          summary?: string;
          ownerId?: number;
          userIds?: number[];
          contactIds?: number[];
          otherParticipants?: string | null;
          nextStep?: string | null;
        };
      };
      response: {
        id: number;
        customerId: number;
        customerCode: string;
        customerName: string;
        kind: string;
        occurredOn: string;
        topic: string;
        summary: string;
        ownerId: number;
        ownerName: string;
        users: {
          id: number;
          name: string;
        }[];
        contacts: {
          id: number;
          name: string;
        }[];
        otherParticipants: string | null;
        nextStep: string | null;
        taskIds: number[];
        createdAt: string;
        updatedAt: string;
      };
    };
    delete: {
      request: {
        path: {
          id: number;
        };
      };
      response: void;
    };
  };
  "/api/interaction-customers": {
    get: {
      request: {
        query?: {
          q?: string;
          limit?: number;
        };
      };
      response: {
        items: {
          id: number;
          code: string;
          name: string;
        }[];
      };
    };
  };
  "/api/interaction-staff": {
    get: {
      request: {
        query?: {
          managersOnly?: "true" | "false";
        };
      };
      response: {
        items: {
          id: number;
          displayName: string;
          roles: string[];
          phone: string | null;
        }[];
      };
    };
  };
  "/api/issues": {
    get: {
      request: {
        query?: {
          customerId?: number;
          status?: "open" | "in_progress" | "resolved" | "closed";
          topic?: "price" | "payment" | "quality_metering" | "policy" | "supply" | "complaint" | "other";
          ownerId?: number;
          overdue?: "true" | "false";
          from?: string;
          to?: string;
          q?: string;
          page?: number;
          pageSize?: number;
        };
      };
      response: {
        total: number;
        items: {
          id: number;
          customerId: number;
          customerCode: string;
          customerName: string;
          title: string;
          description: string | null;
          topic: string;
          raisedAt: string;
          ownerId: number;
          ownerName: string;
          dueOn: string;
          status: "open" | "in_progress" | "resolved" | "closed";
          firstResponseAt: string | null;
          resolvedAt: string | null;
          closedAt: string | null;
          resolution: string | null;
          contactId: number | null;
          contactName: string | null;
          interactionId: number | null;
          firstResponseMinutes: number | null;
          resolutionMinutes: number | null;
          overdue: boolean;
          resolvedLate: boolean;
          allowedTransitions: ("open" | "in_progress" | "resolved" | "closed")[];
        }[];
      };
    };
    post: {
      request: {
        body: {
          customerId: number;
          title: string;
          description?: string | null;
          topic: "price" | "payment" | "quality_metering" | "policy" | "supply" | "complaint" | "other";
          raisedAt?: string;
          ownerId: number;
          dueOn: string;
          contactId?: number | null;
          interactionId?: number | null;
        };
      };
      response: {
        id: number;
        customerId: number;
        customerCode: string;
        customerName: string;
        title: string;
        description: string | null;
        topic: string;
        raisedAt: string;
        ownerId: number;
        ownerName: string;
        dueOn: string;
        status: "open" | "in_progress" | "resolved" | "closed";
        firstResponseAt: string | null;
        resolvedAt: string | null;
        closedAt: string | null;
        resolution: string | null;
        contactId: number | null;
        contactName: string | null;
        interactionId: number | null;
        firstResponseMinutes: number | null;
        resolutionMinutes: number | null;
        overdue: boolean;
        resolvedLate: boolean;
        allowedTransitions: ("open" | "in_progress" | "resolved" | "closed")[];
      };
    };
  };
  "/api/issues/export": {
    get: {
      request: {
        query?: {
          customerId?: number;
          status?: "open" | "in_progress" | "resolved" | "closed";
          topic?: "price" | "payment" | "quality_metering" | "policy" | "supply" | "complaint" | "other";
          ownerId?: number;
          overdue?: "true" | "false";
          from?: string;
          to?: string;
          q?: string;
        };
      };
      response: unknown;
    };
  };
  "/api/issues/{id}": {
    get: {
      request: {
        path: {
          id: number;
        };
      };
      response: {
        id: number;
        customerId: number;
        customerCode: string;
        customerName: string;
        title: string;
        description: string | null;
        topic: string;
        raisedAt: string;
        ownerId: number;
        ownerName: string;
        dueOn: string;
        status: "open" | "in_progress" | "resolved" | "closed";
        firstResponseAt: string | null;
        resolvedAt: string | null;
        closedAt: string | null;
        resolution: string | null;
        contactId: number | null;
        contactName: string | null;
        interactionId: number | null;
        firstResponseMinutes: number | null;
        resolutionMinutes: number | null;
        overdue: boolean;
        resolvedLate: boolean;
        allowedTransitions: ("open" | "in_progress" | "resolved" | "closed")[];
      };
    };
    patch: {
      request: {
        path: {
          id: number;
        };
        body?: {
          title?: string;
          description?: string | null;
          topic?: "price" | "payment" | "quality_metering" | "policy" | "supply" | "complaint" | "other";
          ownerId?: number;
          dueOn?: string;
          contactId?: number | null;
        };
      };
      response: {
        id: number;
        customerId: number;
        customerCode: string;
        customerName: string;
        title: string;
        description: string | null;
        topic: string;
        raisedAt: string;
        ownerId: number;
        ownerName: string;
        dueOn: string;
        status: "open" | "in_progress" | "resolved" | "closed";
        firstResponseAt: string | null;
        resolvedAt: string | null;
        closedAt: string | null;
        resolution: string | null;
        contactId: number | null;
        contactName: string | null;
        interactionId: number | null;
        firstResponseMinutes: number | null;
        resolutionMinutes: number | null;
        overdue: boolean;
        resolvedLate: boolean;
        allowedTransitions: ("open" | "in_progress" | "resolved" | "closed")[];
      };
    };
  };
  "/api/issues/{id}/transition": {
    post: {
      request: {
        path: {
          id: number;
        };
        body: {
          to: "open" | "in_progress" | "resolved" | "closed";
          at?: string;
          resolution?: string | null;
        };
      };
      response: {
        id: number;
        customerId: number;
        customerCode: string;
        customerName: string;
        title: string;
        description: string | null;
        topic: string;
        raisedAt: string;
        ownerId: number;
        ownerName: string;
        dueOn: string;
        status: "open" | "in_progress" | "resolved" | "closed";
        firstResponseAt: string | null;
        resolvedAt: string | null;
        closedAt: string | null;
        resolution: string | null;
        contactId: number | null;
        contactName: string | null;
        interactionId: number | null;
        firstResponseMinutes: number | null;
        resolutionMinutes: number | null;
        overdue: boolean;
        resolvedLate: boolean;
        allowedTransitions: ("open" | "in_progress" | "resolved" | "closed")[];
      };
    };
  };
  "/api/tasks/mine": {
    get: {
      request: {
        query?: {
          limit?: number;
        };
      };
      response: {
        total: number;
        today: string;
        items: {
          id: number;
          customerId: number | null;
          customerName: string | null;
          title: string;
          notes: string | null;
          dueOn: string;
          assigneeId: number;
          assigneeName: string;
          status: "open" | "done" | "cancelled";
          doneAt: string | null;
          interactionId: number | null;
          issueId: number | null;
          overdue: boolean;
          createdAt: string;
        }[];
      };
    };
  };
  "/api/tasks": {
    get: {
      request: {
        query?: {
          assigneeId?: number;
          customerId?: number;
          status?: "open" | "done" | "cancelled";
          overdue?: "true" | "false";
          dueTo?: string;
          page?: number;
          pageSize?: number;
        };
      };
      response: {
        total: number;
        items: {
          id: number;
          customerId: number | null;
          customerName: string | null;
          title: string;
          notes: string | null;
          dueOn: string;
          assigneeId: number;
          assigneeName: string;
          status: "open" | "done" | "cancelled";
          doneAt: string | null;
          interactionId: number | null;
          issueId: number | null;
          overdue: boolean;
          createdAt: string;
        }[];
      };
    };
    post: {
      request: {
        body: {
          customerId?: number | null;
          title: string;
          notes?: string | null;
          dueOn: string;
          assigneeId?: number;
          issueId?: number | null;
        };
      };
      response: {
        id: number;
        customerId: number | null;
        customerName: string | null;
        title: string;
        notes: string | null;
        dueOn: string;
        assigneeId: number;
        assigneeName: string;
        status: "open" | "done" | "cancelled";
        doneAt: string | null;
        interactionId: number | null;
        issueId: number | null;
        overdue: boolean;
        createdAt: string;
      };
    };
  };
  "/api/tasks/{id}": {
    patch: {
      request: {
        path: {
          id: number;
        };
        body?: {
          title?: string;
          notes?: string | null;
          dueOn?: string;
          assigneeId?: number;
        };
      };
      response: {
        id: number;
        customerId: number | null;
        customerName: string | null;
        title: string;
        notes: string | null;
        dueOn: string;
        assigneeId: number;
        assigneeName: string;
        status: "open" | "done" | "cancelled";
        doneAt: string | null;
        interactionId: number | null;
        issueId: number | null;
        overdue: boolean;
        createdAt: string;
      };
    };
  };
  "/api/tasks/{id}/done": {
    post: {
      request: {
        path: {
          id: number;
        };
      };
      response: {
        id: number;
        customerId: number | null;
        customerName: string | null;
        title: string;
        notes: string | null;
        dueOn: string;
        assigneeId: number;
        assigneeName: string;
        status: "open" | "done" | "cancelled";
        doneAt: string | null;
        interactionId: number | null;
        issueId: number | null;
        overdue: boolean;
        createdAt: string;
      };
    };
  };
  "/api/tasks/{id}/cancel": {
    post: {
      request: {
        path: {
          id: number;
        };
      };
      response: {
        id: number;
        customerId: number | null;
        customerName: string | null;
        title: string;
        notes: string | null;
        dueOn: string;
        assigneeId: number;
        assigneeName: string;
        status: "open" | "done" | "cancelled";
        doneAt: string | null;
        interactionId: number | null;
        issueId: number | null;
        overdue: boolean;
        createdAt: string;
      };
    };
  };
  "/api/interaction-stats": {
    get: {
      request: {
        query: {
          granularity?: "month" | "quarter" | "year";
          from: string;
          to: string;
          managerId?: number;
        };
      };
      response: {
        periods: string[];
        rows: {
          managerId: number;
          managerName: string;
          period: string;
          contacts: number;
          visits: number;
          phones: number;
          meetings: number;
          online: number;
          issuesOpened: number;
          issuesResolved: number;
          avgResponseMinutes: number | null;
        }[];
        byManager: {
          managerId: number;
          managerName: string;
          contacts: number;
          visits: number;
          phones: number;
          meetings: number;
          online: number;
          issuesOpened: number;
          issuesResolved: number;
          avgResponseMinutes: number | null;
        }[];
        totals: {
          contacts: number;
          visits: number;
          phones: number;
          meetings: number;
          online: number;
          issuesOpened: number;
          issuesResolved: number;
          avgResponseMinutes: number | null;
        };
      };
    };
  };
  "/api/interaction-stats/export": {
    get: {
      request: {
        query: {
          granularity?: "month" | "quarter" | "year";
          from: string;
          to: string;
          managerId?: number;
        };
      };
      response: unknown;
    };
  };
  "/api/manager-table": {
    get: {
      request: {
        query?: {
          managerId?: number;
          kind?: "full_time" | "part_time";
          region?: string;
          type?: string;
          q?: string;
          page?: number;
          pageSize?: number;
        };
      };
      response: {
        total: number;
        items: {
          managerId: number;
          managerName: string;
          managerPhone: string | null;
          managerKind: "full_time" | "part_time";
          customerId: number;
          customerCode: string;
          customerName: string;
          customerType: string;
          customerStatus: string;
          city: string | null;
          county: string | null;
          contactName: string | null;
          contactTitle: string | null;
          contactMobile: string | null;
          contactLandline: string | null;
          contactEmail: string | null;
          otherContacts: number;
        }[];
      };
    };
  };
  "/api/manager-table/export": {
    get: {
      request: {
        query?: {
          managerId?: number;
          kind?: "full_time" | "part_time";
          region?: string;
          type?: string;
          q?: string;
        };
      };
      response: unknown;
    };
  };
  "/api/customers/{id}/manager-letter": {
    get: {
      request: {
        path: {
          id: number;
        };
      };
      response: unknown;
    };
  };
  "/api/manager-letters": {
    get: {
      request: {
        query?: {
          managerId?: number;
          region?: string;
          type?: string;
          customerIds?: number[];
        };
      };
      response: unknown;
    };
  };
  "/api/manager-letters/send": {
    post: {
      request: {
        body?: {
          managerId?: number;
          region?: string;
          type?: string;
          customerIds?: number[];
        };
      };
      response: {
        noticeId: number;
        recipients: number;
      };
    };
  };
  "/api/accounts/board": {
    /** 气款监控看板（按风险排序） */
    get: {
      request: {
        query?: {
          level?: string | string[];
          managerId?: number;
          region?: string;
          q?: string;
          mine?: "true" | "false";
          page?: number;
          pageSize?: number;
        };
      };
      response: {
        total: number;
        items: {
          customerId: number;
          code: string;
          name: string;
          type: string;
          region: string | null;
          managerName: string | null;
          level: "normal" | "warning" | "reduce" | "stop";
          sinceDay: string;
          asOfDay: string;
          dayVolumeM3: string | null;
          dayChargeFen: number | null;
          balanceFen: number;
          receivableFen: number;
          prepaidFen: number;
          avgDailyChargeFen: number | null;
          availableDays: string | null;
          warnDays: string;
          reduceDays: string;
          avgDays: number;
        }[];
        counts: Record<string, number>;
      };
    };
  };
  "/api/accounts/board/export": {
    /** 导出气款监控看板 Excel */
    get: {
      request: {
        query?: {
          level?: string | string[];
          managerId?: number;
          region?: string;
          q?: string;
          mine?: "true" | "false";
        };
      };
      response: unknown;
    };
  };
  "/api/accounts/customers/{id}": {
    /** 客户账户概况 */
    get: {
      request: {
        path: {
          id: number;
        };
      };
      response: {
        customerId: number;
        code: string;
        name: string;
        customerStatus: string;
        monitored: boolean;
        balanceFen: number;
        receivableFen: number;
        prepaidFen: number;
        level: "normal" | "warning" | "reduce" | "stop" | null;
        sinceDay: string | null;
        asOfDay: string | null;
        dayVolumeM3: string | null;
        dayChargeFen: number | null;
        avgDailyChargeFen: number | null;
        availableDays: string | null;
        thresholds: {
          own: {
            warnDays: string | null;
            reduceDays: string | null;
            avgDays: number | null;
          };
          effective: {
            warnDays: string;
            reduceDays: string;
            avgDays: number;
          };
        };
        pendingAdjustments: number;
      };
    };
  };
  "/api/accounts/customers/{id}/transactions": {
    /** 客户账务明细 */
    get: {
      request: {
        path: {
          id: number;
        };
        query?: {
          from?: string;
          to?: string;
          kind?: "payment" | "daily_charge" | "settlement_true_up" | "adjustment" | "refund" | "reversal" | "trading_deposit" | "trading_deposit_release" | "trading_deposit_applied" | "trading_fee";
          page?: number;
          pageSize?: number;
        };
      };
      response: {
        total: number;
        items: ({
          id: number;
          kind: "payment" | "daily_charge" | "settlement_true_up" | "adjustment" | "refund" | "reversal" | "trading_deposit" | "trading_deposit_release" | "trading_deposit_applied" | "trading_fee";
          customerId: number;
          businessDate: string;
          period: string;
          chargeDay: string | null;
          reference: string | null;
          payerName: string | null;
          payerAccount: string | null;
          note: string | null;
          priceSource: "contract" | "provisional" | null;
          reversesId: number | null;
          reversedById: number | null;
          reversedKind: "payment" | "daily_charge" | "settlement_true_up" | "adjustment" | "refund" | "reversal" | "trading_deposit" | "trading_deposit_release" | "trading_deposit_applied" | "trading_fee" | null;
          amountFen: number;
          balanceAfterFen: number;
          dayCharge: {
            volumeM3: string;
            quantity: string | null;
            basis: "m3" | "GJ" | null;
            price: string | null;
          } | null;
          earlyCharge: boolean;
          createdBy: string | null;
          createdAt: string;
        })[];
      };
    };
  };
  "/api/accounts/customers/{id}/statement": {
    /** 对账单 */
    get: {
      request: {
        path: {
          id: number;
        };
        query: {
          from: string;
          to: string;
        };
      };
      response: {
        customer: {
          id: number;
          code: string;
          name: string;
        };
        from: string;
        to: string;
        lines: ({
          id: number;
          date: string;
          kind: "payment" | "daily_charge" | "settlement_true_up" | "adjustment" | "refund" | "reversal" | "trading_deposit" | "trading_deposit_release" | "trading_deposit_applied" | "trading_fee";
          category: "payment" | "charge" | "adjustment" | "refund";
          reference: string | null;
          note: string | null;
          priceSource: "contract" | "provisional" | null;
          dayCharge: {
            volumeM3: string;
            quantity: string | null;
            basis: "m3" | "GJ" | null;
            price: string | null;
          } | null;
          earlyCharge: boolean;
          amountFen: number;
          balanceFen: number;
        })[];
        totals: {
          openingFen: number;
          paymentsFen: number;
          chargesFen: number;
          adjustmentsFen: number;
          refundsFen: number;
          closingFen: number;
        };
      };
    };
  };
  "/api/accounts/customers/{id}/statement.xlsx": {
    /** 对账单 Excel */
    get: {
      request: {
        path: {
          id: number;
        };
        query: {
          from: string;
          to: string;
        };
      };
      response: unknown;
    };
  };
  "/api/accounts/customers/{id}/statement.pdf": {
    /** 对账单 PDF */
    get: {
      request: {
        path: {
          id: number;
        };
        query: {
          from: string;
          to: string;
        };
      };
      response: unknown;
    };
  };
  "/api/accounts/customers/{id}/prices": {
    /** 暂定价格（元/m³） */
    get: {
      request: {
        path: {
          id: number;
        };
      };
      response: {
        effectiveFrom: string;
        price: string;
      }[];
    };
    /** 设置暂定价格 */
    put: {
      request: {
        path: {
          id: number;
        };
        body: {
          effectiveFrom: string;
          price: string | number;
        };
      };
      response: {
        effectiveFrom: string;
        price: string;
      }[];
    };
  };
  "/api/accounts/thresholds": {
    /** 全局预警阈值 */
    get: {
      request: {};
      response: {
        warnDays: string;
        reduceDays: string;
        avgDays: number;
        levels: string[];
      };
    };
    /** 设置全局预警阈值 */
    put: {
      request: {
        body: {
          warnDays: string | number;
          reduceDays: string | number;
          avgDays: number;
        };
      };
      response: {
        warnDays: string;
        reduceDays: string;
        avgDays: number;
      };
    };
  };
  "/api/accounts/customers/{id}/thresholds": {
    get: {
      request: {
        path: {
          id: number;
        };
      };
      response: {
        own: {
          warnDays: string | null;
          reduceDays: string | null;
          avgDays: number | null;
        };
        effective: {
          warnDays: string;
          reduceDays: string;
          avgDays: number;
        };
      };
    };
    /** 设置客户预警阈值（null 表示沿用全局） */
    put: {
      request: {
        path: {
          id: number;
        };
        body: {
          warnDays: string | number | null;
          reduceDays: string | number | null;
          avgDays: number | null;
        };
      };
      response: {
        own: {
          warnDays: string | null;
          reduceDays: string | null;
          avgDays: number | null;
        };
        effective: {
          warnDays: string;
          reduceDays: string;
          avgDays: number;
        };
      };
    };
  };
  "/api/accounts/payments": {
    /** 登记收款（银行流水号唯一，重复提交返回原记录） */
    post: {
      request: {
        body: {
          customerId: number;
          amountFen: number;
          bankRef: string;
          valueDate: string;
          payerName?: string | null;
          payerAccount?: string | null;
          note?: string | null;
        };
      };
      response: {
        duplicate: boolean;
        transaction: {
          id: number;
          kind: "payment" | "daily_charge" | "settlement_true_up" | "adjustment" | "refund" | "reversal" | "trading_deposit" | "trading_deposit_release" | "trading_deposit_applied" | "trading_fee";
          customerId: number;
          businessDate: string;
          period: string;
          chargeDay: string | null;
          reference: string | null;
          payerName: string | null;
          payerAccount: string | null;
          note: string | null;
          priceSource: "contract" | "provisional" | null;
          reversesId: number | null;
          reversedById: number | null;
          reversedKind: "payment" | "daily_charge" | "settlement_true_up" | "adjustment" | "refund" | "reversal" | "trading_deposit" | "trading_deposit_release" | "trading_deposit_applied" | "trading_fee" | null;
          amountFen: number;
          balanceAfterFen: number;
          dayCharge: {
            volumeM3: string;
            quantity: string | null;
            basis: "m3" | "GJ" | null;
            price: string | null;
          } | null;
          earlyCharge: boolean;
          createdBy: string | null;
          createdAt: string;
        };
        status: {
          level: "normal" | "warning" | "reduce" | "stop";
          balanceFen: number;
          availableDays: string | null;
          avgDailyChargeFen: number | null;
          sinceDay: string;
          asOfDay: string;
        } | null;
      };
    };
  };
  "/api/accounts/refunds": {
    /** 登记退款 */
    post: {
      request: {
        body: {
          customerId: number;
          amountFen: number;
          businessDate: string;
          reference?: string | null;
          note?: string | null;
        };
      };
      response: {
        id: number;
        kind: "payment" | "daily_charge" | "settlement_true_up" | "adjustment" | "refund" | "reversal" | "trading_deposit" | "trading_deposit_release" | "trading_deposit_applied" | "trading_fee";
        customerId: number;
        businessDate: string;
        period: string;
        chargeDay: string | null;
        reference: string | null;
        payerName: string | null;
        payerAccount: string | null;
        note: string | null;
        priceSource: "contract" | "provisional" | null;
        reversesId: number | null;
        reversedById: number | null;
        reversedKind: "payment" | "daily_charge" | "settlement_true_up" | "adjustment" | "refund" | "reversal" | "trading_deposit" | "trading_deposit_release" | "trading_deposit_applied" | "trading_fee" | null;
        amountFen: number;
        balanceAfterFen: number;
        dayCharge: {
          volumeM3: string;
          quantity: string | null;
          basis: "m3" | "GJ" | null;
          price: string | null;
        } | null;
        earlyCharge: boolean;
        createdBy: string | null;
        createdAt: string;
      };
    };
  };
  "/api/accounts/transactions/{id}": {
    get: {
      request: {
        path: {
          id: number;
        };
      };
      response: {
        id: number;
        kind: "payment" | "daily_charge" | "settlement_true_up" | "adjustment" | "refund" | "reversal" | "trading_deposit" | "trading_deposit_release" | "trading_deposit_applied" | "trading_fee";
        customerId: number;
        businessDate: string;
        period: string;
        chargeDay: string | null;
        reference: string | null;
        payerName: string | null;
        payerAccount: string | null;
        note: string | null;
        priceSource: "contract" | "provisional" | null;
        reversesId: number | null;
        reversedById: number | null;
        reversedKind: "payment" | "daily_charge" | "settlement_true_up" | "adjustment" | "refund" | "reversal" | "trading_deposit" | "trading_deposit_release" | "trading_deposit_applied" | "trading_fee" | null;
        amountFen: number;
        balanceAfterFen: number;
        dayCharge: {
          volumeM3: string;
          quantity: string | null;
          basis: "m3" | "GJ" | null;
          price: string | null;
        } | null;
        earlyCharge: boolean;
        createdBy: string | null;
        createdAt: string;
      };
    };
  };
  "/api/accounts/transactions/{id}/reverse": {
    /** 冲正一笔账务（只能冲正一次） */
    post: {
      request: {
        path: {
          id: number;
        };
        body: {
          reason: string;
          businessDate?: string;
        };
      };
      response: {
        id: number;
        kind: "payment" | "daily_charge" | "settlement_true_up" | "adjustment" | "refund" | "reversal" | "trading_deposit" | "trading_deposit_release" | "trading_deposit_applied" | "trading_fee";
        customerId: number;
        businessDate: string;
        period: string;
        chargeDay: string | null;
        reference: string | null;
        payerName: string | null;
        payerAccount: string | null;
        note: string | null;
        priceSource: "contract" | "provisional" | null;
        reversesId: number | null;
        reversedById: number | null;
        reversedKind: "payment" | "daily_charge" | "settlement_true_up" | "adjustment" | "refund" | "reversal" | "trading_deposit" | "trading_deposit_release" | "trading_deposit_applied" | "trading_fee" | null;
        amountFen: number;
        balanceAfterFen: number;
        dayCharge: {
          volumeM3: string;
          quantity: string | null;
          basis: "m3" | "GJ" | null;
          price: string | null;
        } | null;
        earlyCharge: boolean;
        createdBy: string | null;
        createdAt: string;
      };
    };
  };
  "/api/accounts/adjustments": {
    get: {
      request: {
        query?: {
          status?: "pending" | "approved" | "rejected";
          customerId?: number;
          page?: number;
          pageSize?: number;
        };
      };
      response: {
        total: number;
        items: {
          id: number;
          customerId: number;
          customerName: string;
          amountFen: number;
          businessDate: string;
          reason: string;
          status: "pending" | "approved" | "rejected";
          enteredBy: number;
          enteredByName: string | null;
          enteredAt: string;
          decidedBy: number | null;
          decidedByName: string | null;
          decidedAt: string | null;
          decisionNote: string | null;
          transactionId: number | null;
        }[];
      };
    };
    /** 录入调账（待另一用户审批后入账） */
    post: {
      request: {
        body: {
          customerId: number;
          amountFen: number;
          businessDate: string;
          reason: string;
        };
      };
      response: {
        id: number;
        customerId: number;
        customerName: string;
        amountFen: number;
        businessDate: string;
        reason: string;
        status: "pending" | "approved" | "rejected";
        enteredBy: number;
        enteredByName: string | null;
        enteredAt: string;
        decidedBy: number | null;
        decidedByName: string | null;
        decidedAt: string | null;
        decisionNote: string | null;
        transactionId: number | null;
      };
    };
  };
  "/api/accounts/adjustments/{id}/approve": {
    /** 审批通过调账（入账） */
    post: {
      request: {
        path: {
          id: number;
        };
        body?: {
          note?: string | null;
        };
      };
      response: {
        id: number;
        customerId: number;
        customerName: string;
        amountFen: number;
        businessDate: string;
        reason: string;
        status: "pending" | "approved" | "rejected";
        enteredBy: number;
        enteredByName: string | null;
        enteredAt: string;
        decidedBy: number | null;
        decidedByName: string | null;
        decidedAt: string | null;
        decisionNote: string | null;
        transactionId: number | null;
      };
    };
  };
  "/api/accounts/adjustments/{id}/reject": {
    /** 驳回调账 */
    post: {
      request: {
        path: {
          id: number;
        };
        body?: {
          note?: string | null;
        };
      };
      response: {
        id: number;
        customerId: number;
        customerName: string;
        amountFen: number;
        businessDate: string;
        reason: string;
        status: "pending" | "approved" | "rejected";
        enteredBy: number;
        enteredByName: string | null;
        enteredAt: string;
        decidedBy: number | null;
        decidedByName: string | null;
        decidedAt: string | null;
        decisionNote: string | null;
        transactionId: number | null;
      };
    };
  };
  "/api/accounts/periods": {
    get: {
      request: {};
      response: {
        period: string;
        closedAt: string;
        closedBy: string | null;
        note: string | null;
      }[];
    };
  };
  "/api/accounts/periods/{period}/close": {
    /** 月结：关闭会计期间 */
    post: {
      request: {
        path: {
          period: string;
        };
        body?: {
          note?: string | null;
        };
      };
      response: {
        period: string;
        closed: boolean;
      };
    };
  };
  "/api/accounts/bank-imports": {
    /** 导入银行流水（自动匹配客户并入账，未匹配的进入待分配队列；可仅导入有效行，可只校验） */
    post: {
      request: {};
      response: {
        status: "imported" | "partial" | "dry_run" | "rejected";
        importId: number | null;
        total: number;
        valid: number;
        invalid: number;
        lines: number;
        posted: number;
        duplicates: number;
        unmatched: number;
        rejected: number;
        skipped: number;
        errorCount: number;
        errors: {
          row: number;
          field: string;
          code: string;
          message: string;
        }[];
        errorsTruncated: boolean;
      };
    };
  };
  "/api/accounts/bank-imports/template": {
    /** 银行流水导入模板 */
    get: {
      request: {
        query?: {
          format?: "xlsx" | "csv";
        };
      };
      response: unknown;
    };
  };
  "/api/accounts/bank-lines": {
    /** 银行流水行（默认待分配） */
    get: {
      request: {
        query?: {
          status?: "posted" | "duplicate" | "unmatched" | "ignored" | "rejected";
          importId?: number;
          page?: number;
          pageSize?: number;
        };
      };
      response: {
        total: number;
        items: {
          id: number;
          importId: number;
          rowNo: number;
          bankRef: string;
          valueDate: string;
          amountFen: number;
          payerName: string | null;
          payerAccount: string | null;
          memo: string | null;
          status: "posted" | "duplicate" | "unmatched" | "ignored" | "rejected";
          reason: string | null;
          customerId: number | null;
          customerName: string | null;
          matchedBy: string | null;
          transactionId: number | null;
        }[];
      };
    };
  };
  "/api/accounts/bank-lines/{id}/assign": {
    /** 把待分配流水分配给客户并入账（可记住付款人） */
    post: {
      request: {
        path: {
          id: number;
        };
        body: {
          customerId: number;
          remember?: boolean;
        };
      };
      response: {
        line: {
          id: number;
          importId: number;
          rowNo: number;
          bankRef: string;
          valueDate: string;
          amountFen: number;
          payerName: string | null;
          payerAccount: string | null;
          memo: string | null;
          status: "posted" | "duplicate" | "unmatched" | "ignored" | "rejected";
          reason: string | null;
          customerId: number | null;
          customerName: string | null;
          matchedBy: string | null;
          transactionId: number | null;
        };
        alsoPosted: number;
      };
    };
  };
  "/api/accounts/bank-lines/bulk-assign": {
    /** 批量分配待分配流水（每行指定客户）并入账：全部成功或全部不做；重复请求不会重复入账 */
    post: {
      request: {
        body: {
          assignments: {
            lineId: number;
            customerId: number;
          }[];
        };
      };
      response: {
        total: number;
        posted: number;
        duplicates: number;
        already: number;
        items: {
          lineId: number;
          customerId: number;
          outcome: "posted" | "duplicate" | "already";
          transactionId: number | null;
        }[];
      };
    };
  };
  "/api/accounts/bank-lines/{id}/ignore": {
    /** 忽略流水（非客户气款） */
    post: {
      request: {
        path: {
          id: number;
        };
        body?: {
          note?: string | null;
        };
      };
      response: void;
    };
  };
  "/api/metering/config": {
    get: {
      request: {};
      response: {
        gasDayStartHour: number;
        timeZone: string;
        currentGasDay: string;
        lastCompleteGasDay: string;
        importRange: {
          minDay: string;
          maxDay: string;
        };
        settings: {
          jumpPct: string;
          avgDays: number;
          gcvLookbackDays: number;
        };
      };
    };
  };
  "/api/metering/settings": {
    put: {
      request: {
        body?: {
          jumpPct?: string | number;
          avgDays?: number;
          gcvLookbackDays?: number;
        };
      };
      response: {
        jumpPct: string;
        avgDays: number;
        gcvLookbackDays: number;
      };
    };
  };
  "/api/metering/deliveries": {
    get: {
      request: {
        query: {
          customerId?: number;
          deliveryPointId?: number;
          from: string;
          to: string;
          origin?: "scada" | "manual" | "estimate";
          page?: number;
          pageSize?: number;
        };
      };
      response: {
        total: number;
        items: {
          customerId: number;
          customerName: string;
          deliveryPointId: number;
          pointCode: string;
          pointName: string;
          meterNo: string;
          gasDay: string;
          volumeM3: string;
          origin: "scada" | "manual" | "estimate";
          estimated: boolean;
          hourly: string[] | null;
          gcvMJm3: string | null;
          gcvCarriedFrom: string | null;
          energyGJ: string | null;
          corrections: number;
          updatedAt: string;
          updatedBy: string | null;
        }[];
      };
    };
    put: {
      request: {
        body: {
          deliveryPointId: number;
          gasDay: string;
          volumeM3?: string | number;
          hourly?: (string | number)[] | null;
          origin: "scada" | "manual" | "estimate";
          reason?: string | null;
        };
      };
      response: {
        deliveryPointId: number;
        gasDay: string;
        volumeM3: string;
        origin: "scada" | "manual" | "estimate";
        hourly: string[] | null;
        status: "created" | "corrected" | "unchanged";
        charges: {
          follow: string[];
          closed: string[];
        };
      };
    };
  };
  "/api/metering/deliveries/history": {
    get: {
      request: {
        query?: {
          customerId?: number;
          deliveryPointId?: number;
          gasDay?: string;
          from?: string;
          to?: string;
          limit?: number;
        };
      };
      response: {
        id: number;
        customerId: number;
        customerName: string;
        deliveryPointId: number;
        pointName: string;
        meterNo: string;
        gasDay: string;
        oldVolumeM3: string;
        oldOrigin: "scada" | "manual" | "estimate";
        newVolumeM3: string;
        newOrigin: "scada" | "manual" | "estimate";
        reason: string;
        channel: string;
        changedBy: string | null;
        changedAt: string;
      }[];
    };
  };
  "/api/metering/deliveries/batch": {
    post: {
      request: {
        body: {
          rows: (Record<string, unknown>)[];
          validOnly?: boolean;
          dryRun?: boolean;
          reason?: string | null;
          defaultOrigin?: "scada" | "manual" | "estimate";
        };
      };
      response: {
        status: "imported" | "partial" | "dry_run" | "rejected";
        total: number;
        valid: number;
        invalid: number;
        inserted: number;
        updated: number;
        unchanged: number;
        errorCount: number;
        errors: {
          row: number;
          field: string;
          code: string;
          message: string;
        }[];
        errorsTruncated: boolean;
        charges: {
          follow: string[];
          closed: string[];
        };
      };
    };
  };
  "/api/metering/deliveries/import": {
    post: {
      request: {};
      response: {
        status: "imported" | "partial" | "dry_run" | "rejected";
        total: number;
        valid: number;
        invalid: number;
        inserted: number;
        updated: number;
        unchanged: number;
        errorCount: number;
        errors: {
          row: number;
          field: string;
          code: string;
          message: string;
        }[];
        errorsTruncated: boolean;
        charges: {
          follow: string[];
          closed: string[];
        };
      };
    };
  };
  "/api/metering/deliveries/template": {
    get: {
      request: {
        query?: {
          format?: "xlsx" | "csv";
        };
      };
      response: unknown;
    };
  };
  "/api/metering/supply-sources": {
    get: {
      request: {};
      response: {
        id: number;
        code: string;
        name: string;
        kind: string;
        parentId: number | null;
        region: string | null;
      }[];
    };
  };
  "/api/metering/quality": {
    get: {
      request: {
        query: {
          supplySourceId?: number;
          from: string;
          to: string;
          page?: number;
          pageSize?: number;
        };
      };
      response: {
        total: number;
        items: {
          supplySourceId: number;
          sourceCode: string;
          sourceName: string;
          gasDay: string;
          method: "report" | "composition";
          gcvMJm3: string;
          ncvMJm3: string | null;
          relativeDensity: string | null;
          wobbeMJm3: string | null;
          densityKgm3: string | null;
          z: string | null;
          molarMass: string | null;
          composition: Record<string, string> | null;
          updatedAt: string;
        }[];
      };
    };
    post: {
      request: {
        body: {
          rows: {
            supplySourceId?: number;
            sourceCode?: string;
            gasDay: string;
            gcvMJm3?: string | number | null;
            composition?: Record<string, string | number> | null;
          }[];
        };
      };
      response: {
        saved: number;
        items: {
          row: number;
          supplySourceId: number;
          gasDay: string;
          method: string;
          gcvMJm3: string;
          ncvMJm3: string | null;
          relativeDensity: string | null;
          wobbeMJm3: string | null;
        }[];
      };
    };
  };
  "/api/metering/board": {
    get: {
      request: {
        query?: {
          day?: string;
          q?: string;
          type?: string;
          city?: string;
          flag?: "missing" | "zero" | "jump" | "above_max" | "estimate" | "any" | "none";
          sort?: "name" | "code" | "volume" | "avg" | "plan" | "change" | "planDeviation" | "dailyMax" | "flags";
          order?: "asc" | "desc";
          unit?: "m3" | "wan" | "yi" | "gj";
          page?: number;
          pageSize?: number;
        };
      };
      response: {
        day: string;
        jumpPct: string;
        avgDays: number;
        summary: {
          customers: number;
          flags: Record<string, number>;
          volumeM3: string;
          energyGJ: string;
          customersWithoutEnergy: number;
        };
        total: number;
        items: {
          customerId: number;
          code: string;
          name: string;
          type: string;
          province: string | null;
          city: string | null;
          county: string | null;
          manager: string | null;
          pointCount: number;
          reportedPoints: number;
          volumeM3: string | null;
          energyGJ: string | null;
          gcvMJm3: string | null;
          gcvCarriedFrom: string | null;
          avgM3: string | null;
          avgGJ: string | null;
          planM3: string | null;
          planGJ: string | null;
          dailyMaxM3: string | null;
          dailyMaxGJ: string | null;
          nominationM3: string | null;
          nominationGJ: string | null;
          planBasis: "nomination" | "plan" | null;
          changePct: string | null;
          planDeviationPct: string | null;
          flags: ("missing" | "zero" | "jump" | "above_max" | "estimate")[];
        }[];
      };
    };
  };
  "/api/metering/board/export": {
    get: {
      request: {
        query?: {
          day?: string;
          q?: string;
          type?: string;
          city?: string;
          flag?: "missing" | "zero" | "jump" | "above_max" | "estimate" | "any" | "none";
          sort?: "name" | "code" | "volume" | "avg" | "plan" | "change" | "planDeviation" | "dailyMax" | "flags";
          order?: "asc" | "desc";
          unit?: "m3" | "wan" | "yi" | "gj";
        };
      };
      response: unknown;
    };
  };
  "/api/metering/aggregate": {
    get: {
      request: {
        query: {
          groupBy?: "type" | "city" | "province";
          from: string;
          to: string;
        };
      };
      response: {
        groupBy: string;
        from: string;
        to: string;
        months: string[];
        rows: {
          month: string;
          group: string;
          volumeM3: string;
          energyGJ: string | null;
          customers: number;
        }[];
      };
    };
  };
  "/api/metering/customers/{id}/usage": {
    get: {
      request: {
        path: {
          id: number;
        };
        query: {
          granularity?: "day" | "month";
          from: string;
          to: string;
        };
      };
      response: {
        customer: {
          id: number;
          code: string;
          name: string;
          type: string;
        };
        points: {
          id: number;
          code: string;
          name: string;
          meterNo: string;
          active: boolean;
          supplySourceId: number | null;
          supplySource: string | null;
        }[];
        granularity: "day" | "month";
        from: string;
        to: string;
        series: {
          period: string;
          volumeM3: string | null;
          energyGJ: string | null;
          gcvMJm3: string | null;
          estimated: boolean;
          daysWithData: number;
          missingPoints: number;
          prevYearVolumeM3: string | null;
          prevYearEnergyGJ: string | null;
        }[];
        total: {
          volumeM3: string | null;
          energyGJ: string | null;
          gcvMJm3: string | null;
          daysWithData: number;
          days: number;
          pointDaysWithData: number;
          pointDays: number;
        };
      };
    };
  };
  "/api/metering/customers/{id}/usage/export": {
    get: {
      request: {
        path: {
          id: number;
        };
        query: {
          granularity?: "day" | "month";
          from: string;
          to: string;
          unit?: "m3" | "wan" | "yi" | "gj";
        };
      };
      response: unknown;
    };
  };
  "/api/metering/customers/{id}/gcv": {
    get: {
      request: {
        path: {
          id: number;
        };
        query: {
          gasDay: string;
        };
      };
      response: {
        customerId: number;
        gasDay: string;
        gcvMJm3: string | null;
      };
    };
  };
  "/api/metering/customers/{id}/plans": {
    get: {
      request: {
        path: {
          id: number;
        };
        query: {
          from: string;
          to: string;
        };
      };
      response: {
        daily: {
          gasDay: string;
          plannedM3: string;
        }[];
        monthly: {
          month: string;
          plannedM3: string;
        }[];
        dailyMaxM3: string | null;
      };
    };
    put: {
      request: {
        path: {
          id: number;
        };
        body?: {
          daily?: {
            gasDay: string;
            plannedM3: string | number | null;
          }[];
          monthly?: {
            month: string;
            plannedM3: string | number | null;
          }[];
        };
      };
      response: void;
    };
  };
  "/api/metering/customers/{id}/daily-max": {
    put: {
      request: {
        path: {
          id: number;
        };
        body: {
          dailyMaxM3: string | number | null;
        };
      };
      response: void;
    };
  };
  "/api/customers": {
    get: {
      request: {
        query?: {
          q?: string;
          type?: "city_gas" | "industrial" | "cng" | "power" | "chemical" | "commercial" | "other" | ("city_gas" | "industrial" | "cng" | "power" | "chemical" | "commercial" | "other")[];
          status?: "prospect" | "survey" | "review" | "contracted" | "active" | "restricted" | "closed" | ("prospect" | "survey" | "review" | "contracted" | "active" | "restricted" | "closed")[];
          province?: string;
          city?: string;
          county?: string;
          managerId?: number;
          tag?: string | string[];
          sort?: "code" | "name" | "status" | "type" | "city" | "updatedAt" | "createdAt";
          order?: "asc" | "desc";
          page?: number;
          pageSize?: number;
        };
      };
      response: {
        total: number;
        items: ({
          id: number;
          code: string;
          name: string;
          uscc: string | null;
          type: "city_gas" | "industrial" | "cng" | "power" | "chemical" | "commercial" | "other";
          priceCategory: string;
          province: string | null;
          city: string | null;
          county: string | null;
          status: "prospect" | "survey" | "review" | "contracted" | "active" | "restricted" | "closed";
          exchangeStatus: "none" | "registered" | "bound" | "trained";
          servesResidents: boolean;
          tags: string[];
          fullTimeManager: {
            userId: number;
            displayName: string;
          } | null;
          partTimeManagers: {
            userId: number;
            displayName: string;
          }[];
          updatedAt: string;
        })[];
      };
    };
    post: {
      request: {
        body: {
          name: string;
          uscc?: string | null;
          type: "city_gas" | "industrial" | "cng" | "power" | "chemical" | "commercial" | "other";
          priceCategory: "residential" | "non_residential" | "industrial" | "cng" | "power" | "chemical_feedstock" | "commercial";
          province: string;
          city: string;
          county?: string | null;
          address?: string | null;
          servesResidents?: boolean;
          residentialShare?: string | number | null;
          useStructureVerifiedOn?: string | null;
          exchangeStatus?: "none" | "registered" | "bound" | "trained";
          tags?: string[];
          notes?: string | null;
        };
      };
      response: {
        id: number;
        code: string;
        name: string;
        pinyin: string;
        uscc: string | null;
        type: "city_gas" | "industrial" | "cng" | "power" | "chemical" | "commercial" | "other";
        priceCategory: string;
        province: string | null;
        city: string | null;
        county: string | null;
        address: string | null;
        status: "prospect" | "survey" | "review" | "contracted" | "active" | "restricted" | "closed";
        servesResidents: boolean;
        residentialShare: string | null;
        useStructureVerifiedOn: string | null;
        exchangeStatus: "none" | "registered" | "bound" | "trained";
        tags: string[];
        notes: string | null;
        createdAt: string;
        updatedAt: string;
        closedAt: string | null;
        managers: {
          assignmentId: number;
          userId: number;
          username: string;
          displayName: string;
          phone: string | null;
          email: string | null;
          kind: "full_time" | "part_time";
          assignedAt: string;
        }[];
        allowedTransitions: ("prospect" | "survey" | "review" | "contracted" | "active" | "restricted" | "closed")[];
        counts: {
          deliveryPoints: number;
          documents: number;
          expiringDocuments: number;
        };
      };
    };
  };
  "/api/customers/tags": {
    get: {
      request: {};
      response: {
        tag: string;
        count: number;
      }[];
    };
  };
  "/api/customers/export.xlsx": {
    get: {
      request: {
        query?: {
          q?: string;
          type?: "city_gas" | "industrial" | "cng" | "power" | "chemical" | "commercial" | "other" | ("city_gas" | "industrial" | "cng" | "power" | "chemical" | "commercial" | "other")[];
          status?: "prospect" | "survey" | "review" | "contracted" | "active" | "restricted" | "closed" | ("prospect" | "survey" | "review" | "contracted" | "active" | "restricted" | "closed")[];
          province?: string;
          city?: string;
          county?: string;
          managerId?: number;
          tag?: string | string[];
          sort?: "code" | "name" | "status" | "type" | "city" | "updatedAt" | "createdAt";
          order?: "asc" | "desc";
        };
      };
      response: unknown;
    };
  };
  "/api/customers/import/template.xlsx": {
    get: {
      request: {};
      response: unknown;
    };
  };
  "/api/customers/import": {
    post: {
      request: {};
      response: {
        mode: "all_or_nothing" | "valid_only";
        dryRun: boolean;
        total: number;
        valid: number;
        imported: number;
        errors: {
          row: number;
          field: string;
          message: string;
        }[];
      };
    };
  };
  "/api/customers/{id}": {
    get: {
      request: {
        path: {
          id: number;
        };
      };
      response: {
        id: number;
        code: string;
        name: string;
        pinyin: string;
        uscc: string | null;
        type: "city_gas" | "industrial" | "cng" | "power" | "chemical" | "commercial" | "other";
        priceCategory: string;
        province: string | null;
        city: string | null;
        county: string | null;
        address: string | null;
        status: "prospect" | "survey" | "review" | "contracted" | "active" | "restricted" | "closed";
        servesResidents: boolean;
        residentialShare: string | null;
        useStructureVerifiedOn: string | null;
        exchangeStatus: "none" | "registered" | "bound" | "trained";
        tags: string[];
        notes: string | null;
        createdAt: string;
        updatedAt: string;
        closedAt: string | null;
        managers: {
          assignmentId: number;
          userId: number;
          username: string;
          displayName: string;
          phone: string | null;
          email: string | null;
          kind: "full_time" | "part_time";
          assignedAt: string;
        }[];
        allowedTransitions: ("prospect" | "survey" | "review" | "contracted" | "active" | "restricted" | "closed")[];
        counts: {
          deliveryPoints: number;
          documents: number;
          expiringDocuments: number;
        };
      };
    };
    patch: {
      request: {
        path: {
          id: number;
        };
        body?: {
          name?: string;
          uscc?: string | null;
          type?: "city_gas" | "industrial" | "cng" | "power" | "chemical" | "commercial" | "other";
          priceCategory?: "residential" | "non_residential" | "industrial" | "cng" | "power" | "chemical_feedstock" | "commercial";
          province?: string;
          city?: string;
          county?: string | null;
          address?: string | null;
          servesResidents?: boolean;
          residentialShare?: string | number | null;
          useStructureVerifiedOn?: string | null;
          exchangeStatus?: "none" | "registered" | "bound" | "trained";
          tags?: string[];
          notes?: string | null;
        };
      };
      response: {
        id: number;
        code: string;
        name: string;
        pinyin: string;
        uscc: string | null;
        type: "city_gas" | "industrial" | "cng" | "power" | "chemical" | "commercial" | "other";
        priceCategory: string;
        province: string | null;
        city: string | null;
        county: string | null;
        address: string | null;
        status: "prospect" | "survey" | "review" | "contracted" | "active" | "restricted" | "closed";
        servesResidents: boolean;
        residentialShare: string | null;
        useStructureVerifiedOn: string | null;
        exchangeStatus: "none" | "registered" | "bound" | "trained";
        tags: string[];
        notes: string | null;
        createdAt: string;
        updatedAt: string;
        closedAt: string | null;
        managers: {
          assignmentId: number;
          userId: number;
          username: string;
          displayName: string;
          phone: string | null;
          email: string | null;
          kind: "full_time" | "part_time";
          assignedAt: string;
        }[];
        allowedTransitions: ("prospect" | "survey" | "review" | "contracted" | "active" | "restricted" | "closed")[];
        counts: {
          deliveryPoints: number;
          documents: number;
          expiringDocuments: number;
        };
      };
    };
  };
  "/api/customers/{id}/transitions": {
    post: {
      request: {
        path: {
          id: number;
        };
        body: {
          to: "prospect" | "survey" | "review" | "contracted" | "active" | "restricted" | "closed";
          reason: string;
        };
      };
      response: {
        id: number;
        code: string;
        name: string;
        pinyin: string;
        uscc: string | null;
        type: "city_gas" | "industrial" | "cng" | "power" | "chemical" | "commercial" | "other";
        priceCategory: string;
        province: string | null;
        city: string | null;
        county: string | null;
        address: string | null;
        status: "prospect" | "survey" | "review" | "contracted" | "active" | "restricted" | "closed";
        servesResidents: boolean;
        residentialShare: string | null;
        useStructureVerifiedOn: string | null;
        exchangeStatus: "none" | "registered" | "bound" | "trained";
        tags: string[];
        notes: string | null;
        createdAt: string;
        updatedAt: string;
        closedAt: string | null;
        managers: {
          assignmentId: number;
          userId: number;
          username: string;
          displayName: string;
          phone: string | null;
          email: string | null;
          kind: "full_time" | "part_time";
          assignedAt: string;
        }[];
        allowedTransitions: ("prospect" | "survey" | "review" | "contracted" | "active" | "restricted" | "closed")[];
        counts: {
          deliveryPoints: number;
          documents: number;
          expiringDocuments: number;
        };
      };
    };
  };
  "/api/customers/{id}/timeline": {
    get: {
      request: {
        path: {
          id: number;
        };
      };
      response: {
        id: number;
        fromStatus: string;
        toStatus: string;
        reason: string;
        actorId: number | null;
        actorName: string | null;
        at: string;
      }[];
    };
  };
  "/api/customers/{id}/activity": {
    get: {
      request: {
        path: {
          id: number;
        };
        query?: {
          from?: string;
          to?: string;
          kinds?: string;
        };
      };
      response: {
        from: string;
        to: string;
        items: {
          kind: "lifecycle" | "payment" | "charges" | "visit" | "issue" | "notice" | "procedure" | "correction";
          at: string;
          title: string;
          detail: string | null;
          amountFen: number | null;
          actor: string | null;
          path: string | null;
        }[];
      };
    };
  };
  "/api/customers/{id}/history": {
    get: {
      request: {
        path: {
          id: number;
        };
        query?: {
          entity?: string;
          page?: number;
          pageSize?: number;
        };
      };
      response: {
        total: number;
        items: {
          id: number;
          at: string;
          actorId: number | null;
          actorName: string | null;
          action: string;
          entity: string;
          entityId: string | null;
          before: unknown;
          after: unknown;
        }[];
      };
    };
  };
  "/api/customers/{id}/managers": {
    get: {
      request: {
        path: {
          id: number;
        };
      };
      response: {
        assignmentId: number;
        userId: number;
        username: string;
        displayName: string;
        phone: string | null;
        email: string | null;
        kind: "full_time" | "part_time";
        assignedAt: string;
        unassignedAt: string | null;
        assignedBy: string | null;
        reason: string | null;
        unassignReason: string | null;
      }[];
    };
    post: {
      request: {
        path: {
          id: number;
        };
        body: {
          userId: number;
          kind: "full_time" | "part_time";
          reason?: string;
        };
      };
      response: {
        id: number;
        code: string;
        name: string;
        pinyin: string;
        uscc: string | null;
        type: "city_gas" | "industrial" | "cng" | "power" | "chemical" | "commercial" | "other";
        priceCategory: string;
        province: string | null;
        city: string | null;
        county: string | null;
        address: string | null;
        status: "prospect" | "survey" | "review" | "contracted" | "active" | "restricted" | "closed";
        servesResidents: boolean;
        residentialShare: string | null;
        useStructureVerifiedOn: string | null;
        exchangeStatus: "none" | "registered" | "bound" | "trained";
        tags: string[];
        notes: string | null;
        createdAt: string;
        updatedAt: string;
        closedAt: string | null;
        managers: {
          assignmentId: number;
          userId: number;
          username: string;
          displayName: string;
          phone: string | null;
          email: string | null;
          kind: "full_time" | "part_time";
          assignedAt: string;
        }[];
        allowedTransitions: ("prospect" | "survey" | "review" | "contracted" | "active" | "restricted" | "closed")[];
        counts: {
          deliveryPoints: number;
          documents: number;
          expiringDocuments: number;
        };
      };
    };
  };
  "/api/customers/{id}/managers/reassign": {
    post: {
      request: {
        path: {
          id: number;
        };
        body: {
          toUserId: number;
          reason: string;
        };
      };
      response: {
        id: number;
        code: string;
        name: string;
        pinyin: string;
        uscc: string | null;
        type: "city_gas" | "industrial" | "cng" | "power" | "chemical" | "commercial" | "other";
        priceCategory: string;
        province: string | null;
        city: string | null;
        county: string | null;
        address: string | null;
        status: "prospect" | "survey" | "review" | "contracted" | "active" | "restricted" | "closed";
        servesResidents: boolean;
        residentialShare: string | null;
        useStructureVerifiedOn: string | null;
        exchangeStatus: "none" | "registered" | "bound" | "trained";
        tags: string[];
        notes: string | null;
        createdAt: string;
        updatedAt: string;
        closedAt: string | null;
        managers: {
          assignmentId: number;
          userId: number;
          username: string;
          displayName: string;
          phone: string | null;
          email: string | null;
          kind: "full_time" | "part_time";
          assignedAt: string;
        }[];
        allowedTransitions: ("prospect" | "survey" | "review" | "contracted" | "active" | "restricted" | "closed")[];
        counts: {
          deliveryPoints: number;
          documents: number;
          expiringDocuments: number;
        };
      };
    };
  };
  "/api/customers/{id}/managers/{assignmentId}/unassign": {
    post: {
      request: {
        path: {
          id: number;
          assignmentId: number;
        };
        body: {
          reason: string;
        };
      };
      response: {
        id: number;
        code: string;
        name: string;
        pinyin: string;
        uscc: string | null;
        type: "city_gas" | "industrial" | "cng" | "power" | "chemical" | "commercial" | "other";
        priceCategory: string;
        province: string | null;
        city: string | null;
        county: string | null;
        address: string | null;
        status: "prospect" | "survey" | "review" | "contracted" | "active" | "restricted" | "closed";
        servesResidents: boolean;
        residentialShare: string | null;
        useStructureVerifiedOn: string | null;
        exchangeStatus: "none" | "registered" | "bound" | "trained";
        tags: string[];
        notes: string | null;
        createdAt: string;
        updatedAt: string;
        closedAt: string | null;
        managers: {
          assignmentId: number;
          userId: number;
          username: string;
          displayName: string;
          phone: string | null;
          email: string | null;
          kind: "full_time" | "part_time";
          assignedAt: string;
        }[];
        allowedTransitions: ("prospect" | "survey" | "review" | "contracted" | "active" | "restricted" | "closed")[];
        counts: {
          deliveryPoints: number;
          documents: number;
          expiringDocuments: number;
        };
      };
    };
  };
  "/api/supply-sources": {
    get: {
      request: {};
      response: {
        id: number;
        code: string;
        name: string;
        kind: "gas_field" | "well_station" | "purification_plant" | "pipeline" | "valve_room";
        parentId: number | null;
        region: string | null;
        deliveryPoints: number;
        downstreamDeliveryPoints: number;
      }[];
    };
    post: {
      request: {
        body: {
          code?: string;
          name: string;
          kind: "gas_field" | "well_station" | "purification_plant" | "pipeline" | "valve_room";
          parentId?: number | null;
          region?: string | null;
        };
      };
      response: {
        id: number;
        code: string;
        name: string;
        kind: "gas_field" | "well_station" | "purification_plant" | "pipeline" | "valve_room";
        parentId: number | null;
        region: string | null;
        deliveryPoints: number;
        downstreamDeliveryPoints: number;
      };
    };
  };
  "/api/customers/{id}/delivery-points": {
    get: {
      request: {
        path: {
          id: number;
        };
      };
      response: {
        id: number;
        customerId: number;
        code: string;
        name: string;
        kind: "distribution_station" | "gate_station";
        meterNo: string;
        pressureLevel: "high" | "sub_high" | "medium" | "low" | null;
        supplySourceId: number | null;
        supplySourceName: string | null;
        active: boolean;
        notes: string | null;
        createdAt: string;
        updatedAt: string;
      }[];
    };
    post: {
      request: {
        path: {
          id: number;
        };
        body: {
          name: string;
          kind: "distribution_station" | "gate_station";
          meterNo: string;
          pressureLevel?: "high" | "sub_high" | "medium" | "low" | null;
          supplySourceId?: number | null;
          notes?: string | null;
        };
      };
      response: {
        id: number;
        customerId: number;
        code: string;
        name: string;
        kind: "distribution_station" | "gate_station";
        meterNo: string;
        pressureLevel: "high" | "sub_high" | "medium" | "low" | null;
        supplySourceId: number | null;
        supplySourceName: string | null;
        active: boolean;
        notes: string | null;
        createdAt: string;
        updatedAt: string;
      };
    };
  };
  "/api/customers/{id}/delivery-points/{dpId}": {
    patch: {
      request: {
        path: {
          id: number;
          dpId: number;
        };
        body?: {
          name?: string;
          kind?: "distribution_station" | "gate_station";
          meterNo?: string;
          pressureLevel?: "high" | "sub_high" | "medium" | "low" | null;
          supplySourceId?: number | null;
          notes?: string | null;
          active?: boolean;
        };
      };
      response: {
        id: number;
        customerId: number;
        code: string;
        name: string;
        kind: "distribution_station" | "gate_station";
        meterNo: string;
        pressureLevel: "high" | "sub_high" | "medium" | "low" | null;
        supplySourceId: number | null;
        supplySourceName: string | null;
        active: boolean;
        notes: string | null;
        createdAt: string;
        updatedAt: string;
      };
    };
    delete: {
      request: {
        path: {
          id: number;
          dpId: number;
        };
      };
      response: void;
    };
  };
  "/api/customer-documents/expiring": {
    get: {
      request: {
        query?: {
          days?: number;
        };
      };
      response: {
        id: number;
        customerId: number;
        kind: "business_licence" | "gas_operation_licence" | "hazardous_chemicals_licence" | "safety_production_licence" | "pressure_vessel_registration" | "environmental_permit" | "other";
        title: string;
        docNo: string | null;
        issuedOn: string | null;
        expiresOn: string | null;
        fileName: string;
        mime: string;
        sizeBytes: number;
        uploadedAt: string;
        uploadedBy: string | null;
        daysToExpiry: number | null;
        customerCode: string;
        customerName: string;
      }[];
    };
  };
  "/api/customers/{id}/documents": {
    get: {
      request: {
        path: {
          id: number;
        };
      };
      response: {
        id: number;
        customerId: number;
        kind: "business_licence" | "gas_operation_licence" | "hazardous_chemicals_licence" | "safety_production_licence" | "pressure_vessel_registration" | "environmental_permit" | "other";
        title: string;
        docNo: string | null;
        issuedOn: string | null;
        expiresOn: string | null;
        fileName: string;
        mime: string;
        sizeBytes: number;
        uploadedAt: string;
        uploadedBy: string | null;
        daysToExpiry: number | null;
      }[];
    };
    post: {
      request: {
        path: {
          id: number;
        };
      };
      response: {
        id: number;
        customerId: number;
        kind: "business_licence" | "gas_operation_licence" | "hazardous_chemicals_licence" | "safety_production_licence" | "pressure_vessel_registration" | "environmental_permit" | "other";
        title: string;
        docNo: string | null;
        issuedOn: string | null;
        expiresOn: string | null;
        fileName: string;
        mime: string;
        sizeBytes: number;
        uploadedAt: string;
        uploadedBy: string | null;
        daysToExpiry: number | null;
      };
    };
  };
  "/api/customers/{id}/documents/{docId}": {
    patch: {
      request: {
        path: {
          id: number;
          docId: number;
        };
        body?: {
          kind?: "business_licence" | "gas_operation_licence" | "hazardous_chemicals_licence" | "safety_production_licence" | "pressure_vessel_registration" | "environmental_permit" | "other";
          title?: string;
          docNo?: string | null;
          issuedOn?: string | null;
          expiresOn?: string | null;
        };
      };
      response: {
        id: number;
        customerId: number;
        kind: "business_licence" | "gas_operation_licence" | "hazardous_chemicals_licence" | "safety_production_licence" | "pressure_vessel_registration" | "environmental_permit" | "other";
        title: string;
        docNo: string | null;
        issuedOn: string | null;
        expiresOn: string | null;
        fileName: string;
        mime: string;
        sizeBytes: number;
        uploadedAt: string;
        uploadedBy: string | null;
        daysToExpiry: number | null;
      };
    };
    delete: {
      request: {
        path: {
          id: number;
          docId: number;
        };
      };
      response: void;
    };
  };
  "/api/customers/{id}/documents/{docId}/file": {
    get: {
      request: {
        path: {
          id: number;
          docId: number;
        };
      };
      response: unknown;
    };
  };
  "/api/customers/bulk/reassign": {
    /** 批量指定客户经理（专职和/或兼职）：全部成功或全部不做 */
    post: {
      request: {
        body: {
          ids: number[];
          fullTimeUserId?: number;
          partTimeUserId?: number;
          reason: string;
        };
      };
      response: {
        total: number;
        changed: number;
        unchanged: number;
        items: {
          customerId: number;
          code: string;
          name: string;
          outcome: "changed" | "unchanged";
        }[];
      };
    };
  };
  "/api/customers/bulk/tag": {
    /** 给选中的客户批量添加标签：全部成功或全部不做 */
    post: {
      request: {
        body: {
          ids: number[];
          tag: string;
        };
      };
      response: {
        total: number;
        changed: number;
        unchanged: number;
        items: {
          customerId: number;
          code: string;
          name: string;
          outcome: "changed" | "unchanged";
        }[];
      };
    };
  };
  "/api/notice-templates": {
    get: {
      request: {};
      response: {
        id: number;
        code: string;
        kind: "price_change" | "settlement" | "deviation" | "curtailment" | "emergency" | "trading" | "onboarding" | "manager_letter" | "payment_notice" | "general";
        name: string;
        nameEn: string;
        title: string;
        titleEn: string;
        body: string;
        bodyEn: string;
        fields: {
          key: string;
          label: string;
          labelEn: string;
        }[];
        requireReceipt: boolean;
        receiptDays: number;
        builtin: boolean;
        active: boolean;
        updatedAt: string;
      }[];
    };
    post: {
      request: {
        body: {
          kind: "price_change" | "settlement" | "deviation" | "curtailment" | "emergency" | "trading" | "onboarding" | "manager_letter" | "payment_notice" | "general";
          name: string;
          nameEn: string;
          title: string;
          titleEn: string;
          body: string;
          bodyEn: string;
          fields?: {
            key: string;
            label: string;
            labelEn: string;
          }[];
          requireReceipt?: boolean;
          receiptDays?: number;
          active?: boolean;
          code: string;
        };
      };
      response: {
        id: number;
        code: string;
        kind: "price_change" | "settlement" | "deviation" | "curtailment" | "emergency" | "trading" | "onboarding" | "manager_letter" | "payment_notice" | "general";
        name: string;
        nameEn: string;
        title: string;
        titleEn: string;
        body: string;
        bodyEn: string;
        fields: {
          key: string;
          label: string;
          labelEn: string;
        }[];
        requireReceipt: boolean;
        receiptDays: number;
        builtin: boolean;
        active: boolean;
        updatedAt: string;
      };
    };
  };
  "/api/notice-templates/{id}": {
    patch: {
      request: {
        path: {
          id: number;
        };
        body?: {
          kind?: "price_change" | "settlement" | "deviation" | "curtailment" | "emergency" | "trading" | "onboarding" | "manager_letter" | "payment_notice" | "general";
          name?: string;
          nameEn?: string;
          title?: string;
          titleEn?: string;
          body?: string;
          bodyEn?: string;
          fields?: {
            key: string;
            label: string;
            labelEn: string;
          }[];
          requireReceipt?: boolean;
          receiptDays?: number;
          active?: boolean;
        };
      };
      response: {
        id: number;
        code: string;
        kind: "price_change" | "settlement" | "deviation" | "curtailment" | "emergency" | "trading" | "onboarding" | "manager_letter" | "payment_notice" | "general";
        name: string;
        nameEn: string;
        title: string;
        titleEn: string;
        body: string;
        bodyEn: string;
        fields: {
          key: string;
          label: string;
          labelEn: string;
        }[];
        requireReceipt: boolean;
        receiptDays: number;
        builtin: boolean;
        active: boolean;
        updatedAt: string;
      };
    };
  };
  "/api/notices/preview": {
    post: {
      request: {
        body: {
          templateId?: number | null;
          kind: "price_change" | "settlement" | "deviation" | "curtailment" | "emergency" | "trading" | "onboarding" | "manager_letter" | "payment_notice" | "general";
          title: string;
          titleEn: string;
          body: string;
          bodyEn: string;
          fieldValues?: Record<string, string>;
          recipients: {
            type?: ("city_gas" | "industrial" | "cng" | "power" | "chemical" | "commercial" | "other")[];
            region?: string;
            managerId?: number;
            level?: ("normal" | "warning" | "reduce" | "stop")[];
            tag?: string[];
            customerIds?: number[];
          };
          channels: ("print" | "in_app")[];
          requireReceipt: boolean;
          receiptDueOn?: string | null;
        };
      };
      response: {
        count: number;
        recipients: {
          customerId: number;
          code: string;
          name: string;
          managerName: string | null;
        }[];
        sample: {
          title: string;
          titleEn: string;
          body: string;
          bodyEn: string;
        } | null;
      };
    };
  };
  "/api/notices": {
    get: {
      request: {
        query?: {
          page?: number;
          pageSize?: number;
          kind?: "price_change" | "settlement" | "deviation" | "curtailment" | "emergency" | "trading" | "onboarding" | "manager_letter" | "payment_notice" | "general";
          q?: string;
          from?: string;
          to?: string;
          status?: "incomplete" | "complete" | "overdue";
        };
      };
      response: {
        total: number;
        items: ({
          id: number;
          no: string;
          kind: "price_change" | "settlement" | "deviation" | "curtailment" | "emergency" | "trading" | "onboarding" | "manager_letter" | "payment_notice" | "general";
          title: string;
          titleEn: string;
          channels: ("print" | "in_app")[];
          requireReceipt: boolean;
          receiptDueOn: string | null;
          sentOn: string;
          sentAt: string;
          sentBy: string | null;
          source: {
            module: string;
            entity: string;
            id: string;
          } | null;
          recipients: number;
          required: number;
          returned: number;
          pending: number;
          overdue: number;
          completionRate: string | null;
        })[];
      };
    };
    post: {
      request: {
        body: {
          templateId?: number | null;
          kind: "price_change" | "settlement" | "deviation" | "curtailment" | "emergency" | "trading" | "onboarding" | "manager_letter" | "payment_notice" | "general";
          title: string;
          titleEn: string;
          body: string;
          bodyEn: string;
          fieldValues?: Record<string, string>;
          recipients: {
            type?: ("city_gas" | "industrial" | "cng" | "power" | "chemical" | "commercial" | "other")[];
            region?: string;
            managerId?: number;
            level?: ("normal" | "warning" | "reduce" | "stop")[];
            tag?: string[];
            customerIds?: number[];
          };
          channels: ("print" | "in_app")[];
          requireReceipt: boolean;
          receiptDueOn?: string | null;
        };
      };
      response: {
        noticeId: number;
        recipients: number;
        no: string;
      };
    };
  };
  "/api/notices/export": {
    get: {
      request: {
        query?: {
          kind?: "price_change" | "settlement" | "deviation" | "curtailment" | "emergency" | "trading" | "onboarding" | "manager_letter" | "payment_notice" | "general";
          q?: string;
          from?: string;
          to?: string;
          status?: "incomplete" | "complete" | "overdue";
        };
      };
      response: unknown;
    };
  };
  "/api/notices/{id}": {
    get: {
      request: {
        path: {
          id: number;
        };
      };
      response: {
        id: number;
        no: string;
        kind: "price_change" | "settlement" | "deviation" | "curtailment" | "emergency" | "trading" | "onboarding" | "manager_letter" | "payment_notice" | "general";
        title: string;
        titleEn: string;
        channels: ("print" | "in_app")[];
        requireReceipt: boolean;
        receiptDueOn: string | null;
        sentOn: string;
        sentAt: string;
        sentBy: string | null;
        source: {
          module: string;
          entity: string;
          id: string;
        } | null;
        recipients: number;
        required: number;
        returned: number;
        pending: number;
        overdue: number;
        completionRate: string | null;
        body: string;
        bodyEn: string;
        fieldValues: Record<string, string>;
        templateId: number | null;
      };
    };
  };
  "/api/notices/{id}/recipients": {
    get: {
      request: {
        path: {
          id: number;
        };
        query?: {
          page?: number;
          pageSize?: number;
          status?: "not_required" | "pending" | "returned" | "overdue";
          q?: string;
        };
      };
      response: {
        total: number;
        items: ({
          noticeId: number;
          customerId: number;
          customerCode: string;
          customerName: string;
          managerName: string | null;
          receiptStatus: "not_required" | "pending" | "returned";
          overdue: boolean;
          returnedOn: string | null;
          signer: string | null;
          receiptNote: string | null;
          recordedBy: string | null;
          recordedAt: string | null;
          file: {
            name: string;
            mime: string;
            size: number;
          } | null;
        })[];
      };
    };
  };
  "/api/customers/{id}/notices": {
    get: {
      request: {
        path: {
          id: number;
        };
      };
      response: ({
        noticeId: number;
        customerId: number;
        customerCode: string;
        customerName: string;
        managerName: string | null;
        receiptStatus: "not_required" | "pending" | "returned";
        overdue: boolean;
        returnedOn: string | null;
        signer: string | null;
        receiptNote: string | null;
        recordedBy: string | null;
        recordedAt: string | null;
        file: {
          name: string;
          mime: string;
          size: number;
        } | null;
        no: string;
        kind: "price_change" | "settlement" | "deviation" | "curtailment" | "emergency" | "trading" | "onboarding" | "manager_letter" | "payment_notice" | "general";
        title: string;
        titleEn: string;
        sentOn: string;
        receiptDueOn: string | null;
      })[];
    };
  };
  "/api/notices/{id}/pdf": {
    get: {
      request: {
        path: {
          id: number;
        };
        query?: {
          customerId?: number[];
        };
      };
      response: unknown;
    };
  };
  "/api/notices/{id}/recipients/{customerId}/receipt": {
    post: {
      request: {
        path: {
          id: number;
          customerId: number;
        };
      };
      response: {
        noticeId: number;
        customerId: number;
        customerCode: string;
        customerName: string;
        managerName: string | null;
        receiptStatus: "not_required" | "pending" | "returned";
        overdue: boolean;
        returnedOn: string | null;
        signer: string | null;
        receiptNote: string | null;
        recordedBy: string | null;
        recordedAt: string | null;
        file: {
          name: string;
          mime: string;
          size: number;
        } | null;
      };
    };
  };
  "/api/notices/{id}/recipients/{customerId}/receipt-file": {
    get: {
      request: {
        path: {
          id: number;
          customerId: number;
        };
      };
      response: unknown;
    };
  };
  "/api/supply/network": {
    get: {
      request: {};
      response: {
        nodes: ({
          id: string;
          kind: "gas_field" | "well_station" | "purification_plant" | "pipeline" | "valve_room" | "delivery_point" | "customer";
          code: string;
          name: string;
          region: string | null;
          parents: string[];
          capacityM3: string | null;
          linkCapacityM3: string | null;
          note: string | null;
          customer: {
            id: number;
            type: string;
            status: string;
            priorityClass: "residential" | "public" | "key" | "other" | "interruptible";
            classOverride: "public" | "key" | "other" | "interruptible" | null;
            residentialShare: string | null;
            households: number | null;
            city: string | null;
            county: string | null;
          } | null;
        })[];
        problems: {
          unreachable: string[];
          cycle: string[] | null;
        };
      };
    };
  };
  "/api/supply/network/export.xlsx": {
    get: {
      request: {};
      response: unknown;
    };
  };
  "/api/supply/nodes/{ref}/downstream": {
    get: {
      request: {
        path: {
          ref: string;
        };
      };
      response: {
        nodes: string[];
        customers: number[];
      };
    };
  };
  "/api/supply/nodes/{ref}": {
    patch: {
      request: {
        path: {
          ref: string;
        };
        body: {
          capacityM3?: string | number | null;
          linkCapacityM3?: string | number | null;
          upstreamRef?: string | null;
          note?: string | null;
          reason: string;
        };
      };
      response: {
        ref: string;
        capacityM3: string | null;
        linkCapacityM3: string | null;
        upstreamRef: string | null;
        note: string | null;
      };
    };
  };
  "/api/supply/nodes/{ref}/history": {
    get: {
      request: {
        path: {
          ref: string;
        };
      };
      response: {
        items: ({
          id: number;
          at: string;
          actorName: string | null;
          reason: string;
          before: {
            capacityM3?: string | null;
            linkCapacityM3?: string | null;
            upstreamRef?: string | null;
            note?: string | null;
          } | null;
          after: {
            capacityM3?: string | null;
            linkCapacityM3?: string | null;
            upstreamRef?: string | null;
            note?: string | null;
          } | null;
        })[];
      };
    };
  };
  "/api/supply/customers/{id}/profile": {
    patch: {
      request: {
        path: {
          id: number;
        };
        body?: {
          priorityClass?: "public" | "key" | "other" | "interruptible" | null;
          households?: number | null;
          note?: string | null;
        };
      };
      response: {
        priorityClass: string | null;
        households: number | null;
      };
    };
  };
  "/api/supply/emergencies": {
    get: {
      request: {
        query?: {
          kind?: "earthquake" | "pipeline_failure" | "source_failure" | "other";
          status?: "open" | "closed";
          page?: number;
          pageSize?: number;
        };
      };
      response: {
        total: number;
        items: {
          id: number;
          kind: "earthquake" | "pipeline_failure" | "source_failure" | "other";
          occurredAt: string;
          title: string;
          description: string;
          nodes: {
            ref: string;
            name: string;
          }[];
          region: string | null;
          status: "open" | "closed";
          customers: number;
          checked: number;
          createdAt: string;
          closedAt: string | null;
        }[];
      };
    };
    post: {
      request: {
        body: {
          kind: "earthquake" | "pipeline_failure" | "source_failure" | "other";
          occurredAt: string;
          title: string;
          description?: string;
          nodeRefs?: string[];
          region?: string | null;
        };
      };
      response: {
        id: number;
        customers: number;
      };
    };
  };
  "/api/supply/emergencies/{id}": {
    get: {
      request: {
        path: {
          id: number;
        };
      };
      response: {
        event: {
          id: number;
          kind: "earthquake" | "pipeline_failure" | "source_failure" | "other";
          occurredAt: string;
          title: string;
          description: string;
          nodes: {
            ref: string;
            name: string;
          }[];
          region: string | null;
          status: "open" | "closed";
          customers: number;
          checked: number;
          createdAt: string;
          closedAt: string | null;
        };
        customers: {
          customerId: number;
          code: string;
          name: string;
          type: string;
          city: string | null;
          county: string | null;
          viaNodes: string[];
          households: number | null;
          managers: {
            kind: string;
            name: string;
            phone: string | null;
          }[];
          contacts: {
            name: string;
            role: string;
            mobile: string | null;
            landline: string | null;
          }[];
          contacted: boolean;
          siteChecked: boolean;
          supplyStatus: "unknown" | "normal" | "reduced" | "interrupted" | "restored";
          demandChangeM3: string | null;
          notes: string | null;
          updatedAt: string | null;
          updatedBy: string | null;
        }[];
        log: {
          id: number;
          at: string;
          kind: "declared" | "coordination" | "check" | "notice" | "closed";
          customerId: number | null;
          text: string;
          actorName: string | null;
        }[];
        totals: {
          customers: number;
          households: number;
          contacted: number;
          siteChecked: number;
        };
      };
    };
  };
  "/api/supply/emergencies/{id}/customers/{customerId}": {
    patch: {
      request: {
        path: {
          id: number;
          customerId: number;
        };
        body?: {
          contacted?: boolean;
          siteChecked?: boolean;
          supplyStatus?: "unknown" | "normal" | "reduced" | "interrupted" | "restored";
          demandChangeM3?: string | number | null;
          notes?: string | null;
        };
      };
      response: {
        ok: boolean;
      };
    };
  };
  "/api/supply/emergencies/{id}/coordination": {
    post: {
      request: {
        path: {
          id: number;
        };
        body: {
          text: string;
          at?: string;
        };
      };
      response: {
        ok: boolean;
      };
    };
  };
  "/api/supply/emergencies/{id}/close": {
    post: {
      request: {
        path: {
          id: number;
        };
      };
      response: {
        ok: boolean;
      };
    };
  };
  "/api/supply/emergencies/{id}/notices": {
    post: {
      request: {
        path: {
          id: number;
        };
        body?: {
          title?: string;
          body?: string;
          receiptDueOn?: string;
        };
      };
      response: {
        noticeId: number;
        recipients: number;
      };
    };
  };
  "/api/supply/emergencies/{id}/report.xlsx": {
    get: {
      request: {
        path: {
          id: number;
        };
      };
      response: unknown;
    };
  };
  "/api/supply/emergencies/{id}/report.pdf": {
    get: {
      request: {
        path: {
          id: number;
        };
      };
      response: unknown;
    };
  };
  "/api/supply/plans": {
    get: {
      request: {
        query?: {
          page?: number;
          pageSize?: number;
        };
      };
      response: {
        total: number;
        items: {
          id: number;
          name: string;
          fromDay: string;
          toDay: string;
          status: "proposed" | "approved";
          customers: number;
          demandM3: string;
          allowedM3: string;
          computedAt: string;
          approvedAt: string | null;
          approvedBy: string | null;
          noticedAt: string | null;
        }[];
      };
    };
    post: {
      request: {
        body: {
          name: string;
          fromDay: string;
          toDay: string;
          availability?: {
            nodeRef: string;
            availableM3?: string | number;
            shortagePct?: string | number;
          }[];
        };
      };
      response: {
        id: number;
      };
    };
  };
  "/api/supply/plans/preview": {
    post: {
      request: {
        body: {
          fromDay: string;
          toDay: string;
          availability?: {
            nodeRef: string;
            availableM3?: string | number;
            shortagePct?: string | number;
          }[];
        };
      };
      response: {
        lines: ({
          customerId: number;
          code: string;
          name: string;
          type: string;
          gasDay: string;
          class: "residential" | "public" | "key" | "other" | "interruptible";
          demandM3: string;
          demandSource: "nomination" | "contract" | "average" | "none";
          residentialDemandM3: string;
          computedAllowedM3: string;
          allowedM3: string;
          cutM3: string;
          cutPct: string | null;
          reason: "full" | "capacity" | "higher_priority" | "no_demand";
          bindingNode: {
            ref: string;
            name: string;
          } | null;
          adjustReason: string | null;
          actualM3: string | null;
          overTaken: boolean;
        })[];
        nodes: {
          ref: string;
          name: string;
          kind: string;
          capacityM3: string | null;
          allocatedM3: string;
          fullFor: string[];
        }[];
      };
    };
  };
  "/api/supply/plans/{id}": {
    get: {
      request: {
        path: {
          id: number;
        };
        query?: {
          day?: string;
        };
      };
      response: {
        plan: {
          id: number;
          name: string;
          fromDay: string;
          toDay: string;
          status: "proposed" | "approved";
          customers: number;
          demandM3: string;
          allowedM3: string;
          computedAt: string;
          approvedAt: string | null;
          approvedBy: string | null;
          noticedAt: string | null;
          availability: {
            nodeRef: string;
            name: string;
            availableM3?: string;
            shortagePct?: string;
          }[];
        };
        lines: ({
          customerId: number;
          code: string;
          name: string;
          type: string;
          gasDay: string;
          class: "residential" | "public" | "key" | "other" | "interruptible";
          demandM3: string;
          demandSource: "nomination" | "contract" | "average" | "none";
          residentialDemandM3: string;
          computedAllowedM3: string;
          allowedM3: string;
          cutM3: string;
          cutPct: string | null;
          reason: "full" | "capacity" | "higher_priority" | "no_demand";
          bindingNode: {
            ref: string;
            name: string;
          } | null;
          adjustReason: string | null;
          actualM3: string | null;
          overTaken: boolean;
        })[];
        nodes: {
          ref: string;
          name: string;
          kind: string;
          capacityM3: string | null;
          allocatedM3: string;
          fullFor: string[];
        }[];
        stale: boolean;
      };
    };
  };
  "/api/supply/plans/{id}/recompute": {
    post: {
      request: {
        path: {
          id: number;
        };
      };
      response: {
        id: number;
      };
    };
  };
  "/api/supply/plans/{id}/adjust": {
    post: {
      request: {
        path: {
          id: number;
        };
        body: {
          customerId: number;
          gasDay: string;
          allowedM3: string | number;
          reason: string;
        };
      };
      response: {
        ok: boolean;
      };
    };
  };
  "/api/supply/plans/{id}/approve": {
    post: {
      request: {
        path: {
          id: number;
        };
      };
      response: {
        id: number;
      };
    };
  };
  "/api/supply/plans/{id}/notices": {
    post: {
      request: {
        path: {
          id: number;
        };
        body?: {
          title?: string;
          body?: string;
          receiptDueOn?: string;
        };
      };
      response: {
        noticeId: number;
        recipients: number;
      };
    };
  };
  "/api/supply/plans/{id}/export.xlsx": {
    get: {
      request: {
        path: {
          id: number;
        };
      };
      response: unknown;
    };
  };
  "/api/trading/sessions": {
    /** 交易场次列表 */
    get: {
      request: {
        query?: {
          kind?: "real" | "simulation";
          mode?: "listing" | "bidding" | "agreement";
          state?: "upcoming" | "open" | "closed" | "cleared" | "cancelled";
          year?: number;
          q?: string;
          page?: number;
          pageSize?: number;
        };
      };
      response: {
        total: number;
        items: ({
          id: number;
          kind: "real" | "simulation";
          mode: "listing" | "bidding" | "agreement";
          title: string;
          resourceTag: string;
          basis: "m3" | "GJ";
          deliveryMonth: string;
          deliveryPoint: string;
          quantity: string;
          minPerBuyer: string;
          maxPerBuyer: string;
          fixedPrice: string | null;
          floorPrice: string | null;
          priceStep: string | null;
          pricing: "pay_as_bid" | "uniform";
          opensAt: string;
          closesAt: string;
          depositRatio: string;
          feeRate: string;
          status: "open" | "cleared" | "cancelled";
          state: "upcoming" | "open" | "closed" | "cleared" | "cancelled";
          organiserId: number | null;
          organiserName: string | null;
          bidCount: number;
          soldQuantity: string | null;
          clearingPrice: string | null;
          clearedAt: string | null;
          eligibleCustomerIds: number[];
          virtualAccounts: {
            id: number;
            name: string;
            customerId: number | null;
            userId: number | null;
            balanceFen: number;
          }[];
          agreement: {
            customerId: number;
            customerName: string | null;
            price: string;
            sellerConfirmedOn: string;
            sellerDocument: string;
            buyerConfirmedOn: string | null;
            buyerDocument: string | null;
            buyerRecordedByName: string | null;
            note: string | null;
          } | null;
        })[];
      };
    };
    /** 创建交易场次（挂牌/竞价，正式/仿真） */
    post: {
      request: {
        body: {
          kind: "real" | "simulation";
          mode: "listing" | "bidding";
          title: string;
          resourceTag: string;
          basis?: "m3" | "GJ";
          deliveryMonth: string;
          deliveryPoint: string;
          quantity: string | number;
          minPerBuyer: string | number;
          maxPerBuyer: string | number;
          fixedPrice?: string | number | null;
          floorPrice?: string | number | null;
          priceStep?: string | number | null;
          pricing?: "pay_as_bid" | "uniform";
          opensAt: string;
          closesAt: string;
          depositRatio?: string | number;
          feeRate?: string | number;
          eligibleCustomerIds?: number[];
          virtualAccounts?: {
            name: string;
            customerId?: number | null;
            userId?: number | null;
            balanceFen: number;
          }[];
        };
      };
      response: {
        id: number;
        kind: "real" | "simulation";
        mode: "listing" | "bidding" | "agreement";
        title: string;
        resourceTag: string;
        basis: "m3" | "GJ";
        deliveryMonth: string;
        deliveryPoint: string;
        quantity: string;
        minPerBuyer: string;
        maxPerBuyer: string;
        fixedPrice: string | null;
        floorPrice: string | null;
        priceStep: string | null;
        pricing: "pay_as_bid" | "uniform";
        opensAt: string;
        closesAt: string;
        depositRatio: string;
        feeRate: string;
        status: "open" | "cleared" | "cancelled";
        state: "upcoming" | "open" | "closed" | "cleared" | "cancelled";
        organiserId: number | null;
        organiserName: string | null;
        bidCount: number;
        soldQuantity: string | null;
        clearingPrice: string | null;
        clearedAt: string | null;
        eligibleCustomerIds: number[];
        virtualAccounts: {
          id: number;
          name: string;
          customerId: number | null;
          userId: number | null;
          balanceFen: number;
        }[];
        agreement: {
          customerId: number;
          customerName: string | null;
          price: string;
          sellerConfirmedOn: string;
          sellerDocument: string;
          buyerConfirmedOn: string | null;
          buyerDocument: string | null;
          buyerRecordedByName: string | null;
          note: string | null;
        } | null;
      };
    };
  };
  "/api/trading/agreements": {
    /** 登记协议交易（卖方确认；等待买方确认） */
    post: {
      request: {
        body: {
          title: string;
          customerId: number;
          resourceTag: string;
          basis?: "m3" | "GJ";
          deliveryMonth: string;
          deliveryPoint: string;
          quantity: string | number;
          price: string | number;
          feeRate?: string | number;
          sellerConfirmedOn: string;
          sellerDocument: string;
          confirmBy?: string;
          note?: string | null;
        };
      };
      response: {
        id: number;
        kind: "real" | "simulation";
        mode: "listing" | "bidding" | "agreement";
        title: string;
        resourceTag: string;
        basis: "m3" | "GJ";
        deliveryMonth: string;
        deliveryPoint: string;
        quantity: string;
        minPerBuyer: string;
        maxPerBuyer: string;
        fixedPrice: string | null;
        floorPrice: string | null;
        priceStep: string | null;
        pricing: "pay_as_bid" | "uniform";
        opensAt: string;
        closesAt: string;
        depositRatio: string;
        feeRate: string;
        status: "open" | "cleared" | "cancelled";
        state: "upcoming" | "open" | "closed" | "cleared" | "cancelled";
        organiserId: number | null;
        organiserName: string | null;
        bidCount: number;
        soldQuantity: string | null;
        clearingPrice: string | null;
        clearedAt: string | null;
        eligibleCustomerIds: number[];
        virtualAccounts: {
          id: number;
          name: string;
          customerId: number | null;
          userId: number | null;
          balanceFen: number;
        }[];
        agreement: {
          customerId: number;
          customerName: string | null;
          price: string;
          sellerConfirmedOn: string;
          sellerDocument: string;
          buyerConfirmedOn: string | null;
          buyerDocument: string | null;
          buyerRecordedByName: string | null;
          note: string | null;
        } | null;
      };
    };
  };
  "/api/trading/agreements/{id}/confirm": {
    /** 登记买方确认（确认书与日期），协议成交 */
    post: {
      request: {
        path: {
          id: number;
        };
        body: {
          buyerConfirmedOn: string;
          buyerDocument: string;
        };
      };
      response: {
        id: number;
        kind: "real" | "simulation";
        mode: "listing" | "bidding" | "agreement";
        title: string;
        resourceTag: string;
        basis: "m3" | "GJ";
        deliveryMonth: string;
        deliveryPoint: string;
        quantity: string;
        minPerBuyer: string;
        maxPerBuyer: string;
        fixedPrice: string | null;
        floorPrice: string | null;
        priceStep: string | null;
        pricing: "pay_as_bid" | "uniform";
        opensAt: string;
        closesAt: string;
        depositRatio: string;
        feeRate: string;
        status: "open" | "cleared" | "cancelled";
        state: "upcoming" | "open" | "closed" | "cleared" | "cancelled";
        organiserId: number | null;
        organiserName: string | null;
        bidCount: number;
        soldQuantity: string | null;
        clearingPrice: string | null;
        clearedAt: string | null;
        eligibleCustomerIds: number[];
        virtualAccounts: {
          id: number;
          name: string;
          customerId: number | null;
          userId: number | null;
          balanceFen: number;
        }[];
        agreement: {
          customerId: number;
          customerName: string | null;
          price: string;
          sellerConfirmedOn: string;
          sellerDocument: string;
          buyerConfirmedOn: string | null;
          buyerDocument: string | null;
          buyerRecordedByName: string | null;
          note: string | null;
        } | null;
      };
    };
  };
  "/api/trading/sessions/{id}": {
    /** 交易场次详情 */
    get: {
      request: {
        path: {
          id: number;
        };
      };
      response: {
        id: number;
        kind: "real" | "simulation";
        mode: "listing" | "bidding" | "agreement";
        title: string;
        resourceTag: string;
        basis: "m3" | "GJ";
        deliveryMonth: string;
        deliveryPoint: string;
        quantity: string;
        minPerBuyer: string;
        maxPerBuyer: string;
        fixedPrice: string | null;
        floorPrice: string | null;
        priceStep: string | null;
        pricing: "pay_as_bid" | "uniform";
        opensAt: string;
        closesAt: string;
        depositRatio: string;
        feeRate: string;
        status: "open" | "cleared" | "cancelled";
        state: "upcoming" | "open" | "closed" | "cleared" | "cancelled";
        organiserId: number | null;
        organiserName: string | null;
        bidCount: number;
        soldQuantity: string | null;
        clearingPrice: string | null;
        clearedAt: string | null;
        eligibleCustomerIds: number[];
        virtualAccounts: {
          id: number;
          name: string;
          customerId: number | null;
          userId: number | null;
          balanceFen: number;
        }[];
        agreement: {
          customerId: number;
          customerName: string | null;
          price: string;
          sellerConfirmedOn: string;
          sellerDocument: string;
          buyerConfirmedOn: string | null;
          buyerDocument: string | null;
          buyerRecordedByName: string | null;
          note: string | null;
        } | null;
      };
    };
  };
  "/api/trading/sessions/{id}/close": {
    /** 提前截止报价 */
    post: {
      request: {
        path: {
          id: number;
        };
      };
      response: {
        id: number;
        kind: "real" | "simulation";
        mode: "listing" | "bidding" | "agreement";
        title: string;
        resourceTag: string;
        basis: "m3" | "GJ";
        deliveryMonth: string;
        deliveryPoint: string;
        quantity: string;
        minPerBuyer: string;
        maxPerBuyer: string;
        fixedPrice: string | null;
        floorPrice: string | null;
        priceStep: string | null;
        pricing: "pay_as_bid" | "uniform";
        opensAt: string;
        closesAt: string;
        depositRatio: string;
        feeRate: string;
        status: "open" | "cleared" | "cancelled";
        state: "upcoming" | "open" | "closed" | "cleared" | "cancelled";
        organiserId: number | null;
        organiserName: string | null;
        bidCount: number;
        soldQuantity: string | null;
        clearingPrice: string | null;
        clearedAt: string | null;
        eligibleCustomerIds: number[];
        virtualAccounts: {
          id: number;
          name: string;
          customerId: number | null;
          userId: number | null;
          balanceFen: number;
        }[];
        agreement: {
          customerId: number;
          customerName: string | null;
          price: string;
          sellerConfirmedOn: string;
          sellerDocument: string;
          buyerConfirmedOn: string | null;
          buyerDocument: string | null;
          buyerRecordedByName: string | null;
          note: string | null;
        } | null;
      };
    };
  };
  "/api/trading/sessions/{id}/cancel": {
    /** 取消场次（尚无报价时） */
    post: {
      request: {
        path: {
          id: number;
        };
      };
      response: {
        id: number;
        kind: "real" | "simulation";
        mode: "listing" | "bidding" | "agreement";
        title: string;
        resourceTag: string;
        basis: "m3" | "GJ";
        deliveryMonth: string;
        deliveryPoint: string;
        quantity: string;
        minPerBuyer: string;
        maxPerBuyer: string;
        fixedPrice: string | null;
        floorPrice: string | null;
        priceStep: string | null;
        pricing: "pay_as_bid" | "uniform";
        opensAt: string;
        closesAt: string;
        depositRatio: string;
        feeRate: string;
        status: "open" | "cleared" | "cancelled";
        state: "upcoming" | "open" | "closed" | "cleared" | "cancelled";
        organiserId: number | null;
        organiserName: string | null;
        bidCount: number;
        soldQuantity: string | null;
        clearingPrice: string | null;
        clearedAt: string | null;
        eligibleCustomerIds: number[];
        virtualAccounts: {
          id: number;
          name: string;
          customerId: number | null;
          userId: number | null;
          balanceFen: number;
        }[];
        agreement: {
          customerId: number;
          customerName: string | null;
          price: string;
          sellerConfirmedOn: string;
          sellerDocument: string;
          buyerConfirmedOn: string | null;
          buyerDocument: string | null;
          buyerRecordedByName: string | null;
          note: string | null;
        } | null;
      };
    };
  };
  "/api/trading/sessions/{id}/clear": {
    /** 出清（截止后一次） */
    post: {
      request: {
        path: {
          id: number;
        };
      };
      response: {
        id: number;
        kind: "real" | "simulation";
        mode: "listing" | "bidding" | "agreement";
        title: string;
        resourceTag: string;
        basis: "m3" | "GJ";
        deliveryMonth: string;
        deliveryPoint: string;
        quantity: string;
        minPerBuyer: string;
        maxPerBuyer: string;
        fixedPrice: string | null;
        floorPrice: string | null;
        priceStep: string | null;
        pricing: "pay_as_bid" | "uniform";
        opensAt: string;
        closesAt: string;
        depositRatio: string;
        feeRate: string;
        status: "open" | "cleared" | "cancelled";
        state: "upcoming" | "open" | "closed" | "cleared" | "cancelled";
        organiserId: number | null;
        organiserName: string | null;
        bidCount: number;
        soldQuantity: string | null;
        clearingPrice: string | null;
        clearedAt: string | null;
        eligibleCustomerIds: number[];
        virtualAccounts: {
          id: number;
          name: string;
          customerId: number | null;
          userId: number | null;
          balanceFen: number;
        }[];
        agreement: {
          customerId: number;
          customerName: string | null;
          price: string;
          sellerConfirmedOn: string;
          sellerDocument: string;
          buyerConfirmedOn: string | null;
          buyerDocument: string | null;
          buyerRecordedByName: string | null;
          note: string | null;
        } | null;
      };
    };
  };
  "/api/trading/sessions/{id}/bids": {
    /** 报价（代客户或用仿真虚拟账户），幂等键防重复 */
    post: {
      request: {
        path: {
          id: number;
        };
        body: {
          customerId?: number;
          virtualAccountId?: number;
          price?: string | number;
          quantity: string | number;
          idempotencyKey: string;
        };
      };
      response: {
        duplicate: boolean;
        bid: {
          id: number;
          sessionId: number;
          customerId: number | null;
          customerName: string | null;
          virtualAccountId: number | null;
          virtualAccountName: string | null;
          price: string | null;
          quantity: string;
          grantedQuantity: string | null;
          submittedAt: string;
          depositFen: number;
          filledQuantity: string | null;
          outcome: "filled" | "partial" | "unfilled" | null;
          rank: number | null;
        };
      };
    };
  };
  "/api/trading/sessions/{id}/result": {
    /** 报价与成交结果（密封期间不显示他人报价价格） */
    get: {
      request: {
        path: {
          id: number;
        };
      };
      response: {
        session: {
          id: number;
          kind: "real" | "simulation";
          mode: "listing" | "bidding" | "agreement";
          title: string;
          resourceTag: string;
          basis: "m3" | "GJ";
          deliveryMonth: string;
          deliveryPoint: string;
          quantity: string;
          minPerBuyer: string;
          maxPerBuyer: string;
          fixedPrice: string | null;
          floorPrice: string | null;
          priceStep: string | null;
          pricing: "pay_as_bid" | "uniform";
          opensAt: string;
          closesAt: string;
          depositRatio: string;
          feeRate: string;
          status: "open" | "cleared" | "cancelled";
          state: "upcoming" | "open" | "closed" | "cleared" | "cancelled";
          organiserId: number | null;
          organiserName: string | null;
          bidCount: number;
          soldQuantity: string | null;
          clearingPrice: string | null;
          clearedAt: string | null;
          eligibleCustomerIds: number[];
          virtualAccounts: {
            id: number;
            name: string;
            customerId: number | null;
            userId: number | null;
            balanceFen: number;
          }[];
          agreement: {
            customerId: number;
            customerName: string | null;
            price: string;
            sellerConfirmedOn: string;
            sellerDocument: string;
            buyerConfirmedOn: string | null;
            buyerDocument: string | null;
            buyerRecordedByName: string | null;
            note: string | null;
          } | null;
        };
        bids: {
          id: number;
          sessionId: number;
          customerId: number | null;
          customerName: string | null;
          virtualAccountId: number | null;
          virtualAccountName: string | null;
          price: string | null;
          quantity: string;
          grantedQuantity: string | null;
          submittedAt: string;
          depositFen: number;
          filledQuantity: string | null;
          outcome: "filled" | "partial" | "unfilled" | null;
          rank: number | null;
        }[];
        awards: {
          id: number;
          sessionId: number;
          bidId: number;
          customerId: number | null;
          customerName: string | null;
          virtualAccountId: number | null;
          virtualAccountName: string | null;
          quantity: string;
          price: string;
          amountFen: number;
          buyerFeeFen: number;
          sellerFeeFen: number;
          depositAppliedFen: number;
          depositReleasedFen: number;
          awardedAt: string;
        }[];
        totals: {
          soldQuantity: string;
          unsoldQuantity: string;
          amountFen: number;
          buyerFeesFen: number;
          sellerFeesFen: number;
        };
      };
    };
  };
  "/api/trading/customers/{customerId}/awards": {
    /** 客户成交结果（正式场次） */
    get: {
      request: {
        path: {
          customerId: number;
        };
      };
      response: {
        id: number;
        sessionId: number;
        title: string;
        mode: "listing" | "bidding" | "agreement";
        deliveryMonth: string;
        resourceTag: string;
        basis: "m3" | "GJ";
        quantity: string;
        price: string;
        amountFen: number;
        buyerFeeFen: number;
        depositAppliedFen: number;
        awardedAt: string;
      }[];
    };
  };
  "/api/trading/sessions/{id}/live": {
    /** 场次实时计数（剩余时间、报价笔数，不含价格） */
    get: {
      request: {
        path: {
          id: number;
        };
      };
      response: {
        id: number;
        state: "upcoming" | "open" | "closed" | "cleared" | "cancelled";
        serverTime: string;
        opensAt: string;
        closesAt: string;
        secondsLeft: number;
        bidCount: number;
        bidders: number;
        quantity: string;
        grantedQuantity: string | null;
      };
    };
  };
  "/api/trading/sessions/{id}/events": {
    /** 场次实时计数（SSE 推送） */
    get: {
      request: {
        path: {
          id: number;
        };
      };
      response: unknown;
    };
  };
  "/api/trading/memberships": {
    /** 交易中心会员进度（可筛选仍需帮助的客户） */
    get: {
      request: {
        query?: {
          status?: "none" | "registered" | "bound" | "trained";
          needsHelp?: "true" | "false";
          q?: string;
          page?: number;
          pageSize?: number;
        };
      };
      response: {
        total: number;
        items: {
          customerId: number;
          code: string;
          name: string;
          exchangeStatus: "none" | "registered" | "bound" | "trained";
          registeredOn: string | null;
          boundOn: string | null;
          trainedOn: string | null;
          managerName: string | null;
          lastFollowupOn: string | null;
          followups: number;
        }[];
      };
    };
  };
  "/api/trading/memberships/{customerId}": {
    /** 登记会员注册/账户绑定/培训日期 */
    put: {
      request: {
        path: {
          customerId: number;
        };
        body?: {
          registeredOn?: string | null;
          boundOn?: string | null;
          trainedOn?: string | null;
        };
      };
      response: {
        customerId: number;
        code: string;
        name: string;
        exchangeStatus: "none" | "registered" | "bound" | "trained";
        registeredOn: string | null;
        boundOn: string | null;
        trainedOn: string | null;
        managerName: string | null;
        lastFollowupOn: string | null;
        followups: number;
      };
    };
  };
  "/api/trading/memberships/{customerId}/followups": {
    /** 会员办理跟进记录 */
    get: {
      request: {
        path: {
          customerId: number;
        };
      };
      response: {
        id: number;
        customerId: number;
        onDate: string;
        note: string;
        nextStep: string | null;
        createdByName: string | null;
        createdAt: string;
      }[];
    };
    /** 添加跟进记录 */
    post: {
      request: {
        path: {
          customerId: number;
        };
        body: {
          onDate: string;
          note: string;
          nextStep?: string | null;
        };
      };
      response: {
        id: number;
        customerId: number;
        onDate: string;
        note: string;
        nextStep: string | null;
        createdByName: string | null;
        createdAt: string;
      };
    };
  };
  "/api/trading/sessions/{id}/training": {
    /** 仿真培训记录（参与人、成绩、反馈） */
    get: {
      request: {
        path: {
          id: number;
        };
      };
      response: {
        participants: {
          virtualAccountId: number;
          name: string;
          customerName: string | null;
          userName: string | null;
          bids: number;
          wonQuantity: string;
        }[];
        feedback: {
          id: number;
          sessionId: number;
          virtualAccountId: number | null;
          virtualAccountName: string | null;
          topic: "rules" | "system" | "other";
          rating: number;
          comment: string;
          createdByName: string | null;
          createdAt: string;
        }[];
      };
    };
  };
  "/api/trading/sessions/{id}/feedback": {
    /** 仿真反馈（规则/系统） */
    post: {
      request: {
        path: {
          id: number;
        };
        body: {
          virtualAccountId?: number | null;
          topic: "rules" | "system" | "other";
          rating: number;
          comment: string;
        };
      };
      response: {
        id: number;
        sessionId: number;
        virtualAccountId: number | null;
        virtualAccountName: string | null;
        topic: "rules" | "system" | "other";
        rating: number;
        comment: string;
        createdByName: string | null;
        createdAt: string;
      };
    };
  };
  "/api/trading/stats": {
    /** 线上交易统计（同比） */
    get: {
      request: {
        query: {
          year: number;
        };
      };
      response: {
        current: {
          year: number;
          sessions: number;
          trades: number;
          customers: number;
          volume: string;
          amountFen: number;
          avgPremium: string | null;
          months: {
            month: string;
            sessions: number;
            trades: number;
            volume: string;
          }[];
        };
        previous: {
          year: number;
          sessions: number;
          trades: number;
          customers: number;
          volume: string;
          amountFen: number;
          avgPremium: string | null;
        };
        change: {
          tradesPct: string | null;
          volumePct: string | null;
          sessionsPct: string | null;
        };
      };
    };
  };
  "/api/trading/board": {
    /** 劳动竞赛排行榜 */
    get: {
      request: {
        query: {
          from: string;
          to: string;
        };
      };
      response: {
        rank: number;
        userId: number;
        name: string;
        sessions: number;
        customers: number;
        trades: number;
        volume: string;
      }[];
    };
  };
  "/api/trading/sessions.xlsx": {
    /** 导出交易场次 Excel */
    get: {
      request: {
        query?: {
          kind?: "real" | "simulation";
          mode?: "listing" | "bidding" | "agreement";
          state?: "upcoming" | "open" | "closed" | "cleared" | "cancelled";
          year?: number;
          q?: string;
          page?: number;
          pageSize?: number;
        };
      };
      response: unknown;
    };
  };
  "/api/trading/sessions/{id}/result.xlsx": {
    /** 导出成交结果 Excel */
    get: {
      request: {
        path: {
          id: number;
        };
      };
      response: unknown;
    };
  };
  "/api/trading/stats.xlsx": {
    /** 导出线上交易统计 Excel */
    get: {
      request: {
        query: {
          year: number;
        };
      };
      response: unknown;
    };
  };
  "/api/trading/board.xlsx": {
    /** 导出劳动竞赛排行榜 Excel */
    get: {
      request: {
        query: {
          from: string;
          to: string;
        };
      };
      response: unknown;
    };
  };
  "/api/trading/sessions/{id}/notices": {
    /** 向成交客户发送成交结果通知 */
    post: {
      request: {
        path: {
          id: number;
        };
      };
      response: {
        notices: number;
        customers: number;
      };
    };
  };
  "/api/pricing/tags": {
    /** 资源标签 */
    get: {
      request: {};
      response: {
        code: string;
        nameZh: string;
        nameEn: string;
        sort: number;
        active: boolean;
      }[];
    };
    /** 新增资源标签 */
    post: {
      request: {
        body: {
          code: string;
          nameZh: string;
          nameEn: string;
          sort?: number;
          active?: boolean;
        };
      };
      response: unknown;
    };
  };
  "/api/pricing/tags/{code}": {
    /** 修改资源标签 */
    patch: {
      request: {
        path: {
          code: string;
        };
        body?: {
          nameZh?: string;
          nameEn?: string;
          sort?: number;
          active?: boolean;
        };
      };
      response: unknown;
    };
  };
  "/api/pricing/prices": {
    /** 价格表（当前及将来生效；history=true 含全部历史） */
    get: {
      request: {
        query?: {
          tag?: string;
          category?: "residential" | "non_residential" | "industrial" | "cng" | "power" | "chemical_feedstock" | "commercial";
          basis?: "m3" | "GJ";
          asOf?: string;
          history?: "true" | "false";
        };
      };
      response: {
        id: number;
        tag: string;
        category: string;
        basis: "m3" | "GJ";
        season: "all" | "heating" | "non_heating";
        price: string;
        effectiveFrom: string;
        note: string | null;
        createdBy: number | null;
        createdAt: string;
        current: boolean;
      }[];
    };
    /** 录入价格（按生效日期，历史不可改写） */
    post: {
      request: {
        body: {
          tag: string;
          category: "residential" | "non_residential" | "industrial" | "cng" | "power" | "chemical_feedstock" | "commercial";
          basis?: "m3" | "GJ";
          season?: "all" | "heating" | "non_heating";
          price: string | number;
          effectiveFrom: string;
          note?: string | null;
        };
      };
      response: {
        id: number;
        notified: number;
      };
    };
  };
  "/api/pricing/benchmarks": {
    /** 基准门站价 */
    get: {
      request: {};
      response: {
        id: number;
        effectiveFrom: string;
        price: string;
        floatCapPct: string;
        note: string | null;
        createdAt: string;
      }[];
    };
    /** 录入基准门站价与上浮上限 */
    post: {
      request: {
        body: {
          effectiveFrom: string;
          price: string | number;
          floatCapPct: string | number;
          note?: string | null;
        };
      };
      response: unknown;
    };
  };
  "/api/pricing/reference-prices": {
    /** 月度参照价格（无线上交易时使用） */
    get: {
      request: {};
      response: {
        month: string;
        basis: "m3" | "GJ";
        price: string;
      }[];
    };
    /** 设置月度参照价格 */
    put: {
      request: {
        body: {
          month: string;
          basis?: "m3" | "GJ";
          price: string | number;
        };
      };
      response: unknown;
    };
  };
  "/api/contracts": {
    /** 合同列表 */
    get: {
      request: {
        query?: {
          customerId?: number;
          status?: "draft" | "active" | "terminated";
          month?: string;
          q?: string;
          page?: number;
          pageSize?: number;
        };
      };
      response: {
        total: number;
        items: {
          id: number;
          customerId: number;
          customerCode: string;
          customerName: string;
          contractNo: string;
          yearLabel: string;
          startMonth: string;
          endMonth: string;
          basis: "m3" | "GJ";
          baseTag: string;
          priceCategory: string;
          basePrice: string | null;
          theta: string;
          tau: string;
          k: string;
          prepaymentTerms: string | null;
          status: "draft" | "active" | "terminated";
          terminatedReason: string | null;
          signedFileName: string | null;
          totalQuantity: string;
        }[];
      };
    };
    /** 新建合同（草稿） */
    post: {
      request: {
        body: {
          customerId: number;
          contractNo: string;
          yearLabel: string;
          startMonth: string;
          endMonth: string;
          basis?: "m3" | "GJ";
          baseTag?: string;
          priceCategory?: "residential" | "non_residential" | "industrial" | "cng" | "power" | "chemical_feedstock" | "commercial";
          basePrice?: string | number | null;
          theta?: string | number;
          tau?: string | number;
          k?: string | number;
          prepaymentTerms?: string | null;
          months: {
            month: string;
            quantity: string | number;
          }[];
        };
      };
      response: {
        id: number;
      };
    };
  };
  "/api/contracts/{id}": {
    /** 合同详情（含分月气量与版本） */
    get: {
      request: {
        path: {
          id: number;
        };
      };
      response: {
        id: number;
        customerId: number;
        customerCode: string;
        customerName: string;
        contractNo: string;
        yearLabel: string;
        startMonth: string;
        endMonth: string;
        basis: "m3" | "GJ";
        baseTag: string;
        priceCategory: string;
        basePrice: string | null;
        theta: string;
        tau: string;
        k: string;
        prepaymentTerms: string | null;
        status: "draft" | "active" | "terminated";
        terminatedReason: string | null;
        signedFileName: string | null;
        totalQuantity: string;
        versions: {
          version: number;
          effectiveMonth: string;
          reason: string | null;
          createdAt: string;
        }[];
        months: {
          month: string;
          quantity: string;
          version: number;
        }[];
      };
    };
    /** 修改草稿合同的条款与分月气量 */
    put: {
      request: {
        path: {
          id: number;
        };
        body: {
          contractNo: string;
          yearLabel: string;
          startMonth: string;
          endMonth: string;
          basis?: "m3" | "GJ";
          baseTag?: string;
          priceCategory?: "residential" | "non_residential" | "industrial" | "cng" | "power" | "chemical_feedstock" | "commercial";
          basePrice?: string | number | null;
          theta?: string | number;
          tau?: string | number;
          k?: string | number;
          prepaymentTerms?: string | null;
          months: {
            month: string;
            quantity: string | number;
          }[];
        };
      };
      response: unknown;
    };
    /** 删除草稿合同 */
    delete: {
      request: {
        path: {
          id: number;
        };
      };
      response: unknown;
    };
  };
  "/api/contracts/{id}/year-view": {
    /** 合同年度：分月合同量与实际量（τ 超量标记） */
    get: {
      request: {
        path: {
          id: number;
        };
      };
      response: {
        contractId: number;
        basis: "m3" | "GJ";
        tau: string;
        months: {
          month: string;
          contracted: string;
          actual: string | null;
          ratio: string | null;
          overTake: boolean;
        }[];
        total: {
          contracted: string;
          actual: string | null;
        };
      };
    };
  };
  "/api/contracts/{id}/activate": {
    /** 合同生效 */
    post: {
      request: {
        path: {
          id: number;
        };
      };
      response: unknown;
    };
  };
  "/api/contracts/{id}/amendments": {
    /** 合同变更（自某月起的新版本分月气量） */
    post: {
      request: {
        path: {
          id: number;
        };
        body: {
          effectiveMonth: string;
          reason: string;
          months: {
            month: string;
            quantity: string | number;
          }[];
        };
      };
      response: unknown;
    };
  };
  "/api/contracts/{id}/terminate": {
    /** 合同终止 */
    post: {
      request: {
        path: {
          id: number;
        };
        body: {
          lastMonth: string;
          reason: string;
        };
      };
      response: unknown;
    };
  };
  "/api/contracts/{id}/signed-file": {
    /** 下载签字盖章合同 */
    get: {
      request: {
        path: {
          id: number;
        };
      };
      response: unknown;
    };
    /** 上传签字盖章合同（multipart，PDF/JPG/PNG） */
    post: {
      request: {
        path: {
          id: number;
        };
      };
      response: unknown;
    };
  };
  "/api/settlement/customers/{customerId}": {
    /** 客户的月度结算单与偏差结算（客户页“合同/结算”） */
    get: {
      request: {
        path: {
          customerId: number;
        };
      };
      response: {
        statements: {
          month: string;
          monthStatus: "draft" | "confirmed" | "closed";
          contractNo: string | null;
          basis: "m3" | "GJ";
          actual: string;
          contracted: string;
          overTake: boolean;
          totalFen: number;
          dailyChargesFen: number;
          trueUpFen: number;
          adjustmentFen: number;
        }[];
        cases: {
          id: number;
          periodLabel: string;
          fromMonth: string;
          toMonth: string;
          contractNo: string | null;
          basis: "m3" | "GJ";
          contracted: string;
          actual: string;
          exempt: string;
          shortfall: string;
          feeFen: number;
          status: "draft" | "reviewed" | "confirmed" | "signed" | "posted";
        }[];
      };
    };
  };
  "/api/settlement/months": {
    /** 结算月份及状态 */
    get: {
      request: {};
      response: {
        month: string;
        status: "draft" | "confirmed" | "closed";
        runs: number;
        lastRunAt: string | null;
        confirmedAt: string | null;
        closedAt: string | null;
        reopenedAt: string | null;
        reopenReason: string | null;
        customers: number;
        totalFen: number;
        trueUpFen: number;
      }[];
    };
  };
  "/api/settlement/months/{month}/run": {
    /** 运行月度结算（草稿月可重算） */
    post: {
      request: {
        path: {
          month: string;
        };
      };
      response: {
        month: string;
        customers: number;
        totalFen: number;
        dailyChargesFen: number;
        trueUpPostedFen: number;
        adjustmentLines: number;
        runs: number;
      };
    };
  };
  "/api/settlement/months/{month}/confirm": {
    /** 确认结算月 */
    post: {
      request: {
        path: {
          month: string;
        };
      };
      response: unknown;
    };
  };
  "/api/settlement/months/{month}/close": {
    /** 关闭结算月（锁定） */
    post: {
      request: {
        path: {
          month: string;
        };
      };
      response: unknown;
    };
  };
  "/api/settlement/months/{month}/reopen": {
    /** 重新打开已关闭月份（销售部负责人，须填原因） */
    post: {
      request: {
        path: {
          month: string;
        };
        body: {
          reason: string;
        };
      };
      response: unknown;
    };
  };
  "/api/settlement/months/{month}/statements": {
    /** 月度结算单列表 */
    get: {
      request: {
        path: {
          month: string;
        };
        query?: {
          page?: number;
          pageSize?: number;
          q?: string;
        };
      };
      response: {
        total: number;
        totals: {
          totalFen: number;
          dailyChargesFen: number;
          trueUpFen: number;
        };
        items: {
          customerId: number;
          customerCode: string;
          customerName: string;
          contractNo: string | null;
          basis: "m3" | "GJ";
          actual: string;
          contracted: string;
          totalFen: number;
          dailyChargesFen: number;
          trueUpFen: number;
          overTake: boolean;
        }[];
      };
    };
  };
  "/api/settlement/months/{month}/statements.xlsx": {
    /** 导出月度结算单列表 Excel */
    get: {
      request: {
        path: {
          month: string;
        };
      };
      response: unknown;
    };
  };
  "/api/settlement/months/{month}/summary": {
    /** 月度汇总（按标签/客户类型/地区） */
    get: {
      request: {
        path: {
          month: string;
        };
      };
      response: {
        month: string;
        byTag: {
          key: string;
          basis: "m3" | "GJ";
          quantity: string;
          amountFen: number;
          customers: number;
        }[];
        byType: {
          key: string;
          basis: "m3" | "GJ";
          quantity: string;
          amountFen: number;
          customers: number;
        }[];
        byCity: {
          key: string;
          basis: "m3" | "GJ";
          quantity: string;
          amountFen: number;
          customers: number;
        }[];
      };
    };
  };
  "/api/settlement/months/{month}/customers/{customerId}": {
    /** 客户月度结算单 */
    get: {
      request: {
        path: {
          month: string;
          customerId: number;
        };
      };
      response: {
        month: string;
        monthStatus: "draft" | "confirmed" | "closed";
        customer: {
          id: number;
          code: string;
          name: string;
        };
        contractNo: string | null;
        basis: "m3" | "GJ";
        actual: string;
        contracted: string;
        overTake: boolean;
        totalFen: number;
        dailyChargesFen: number;
        trueUpFen: number;
        lines: {
          lineNo: number;
          kind: "base" | "award" | "extra" | "adjustment";
          tag: string;
          tagName: {
            zh: string;
            en: string;
          };
          quantity: string;
          price: string | null;
          amountFen: number;
          awardId: number | null;
          fromDay: string | null;
          toDay: string | null;
          adjustsMonth: string | null;
        }[];
      };
    };
  };
  "/api/settlement/months/{month}/customers/{customerId}/statement.pdf": {
    /** 客户月度结算单 PDF */
    get: {
      request: {
        path: {
          month: string;
          customerId: number;
        };
      };
      response: unknown;
    };
  };
  "/api/settlement/months/{month}/customers/{customerId}/statement.xlsx": {
    /** 客户月度结算单 Excel */
    get: {
      request: {
        path: {
          month: string;
          customerId: number;
        };
      };
      response: unknown;
    };
  };
  "/api/deviation/periods": {
    /** 偏差结算期间 */
    get: {
      request: {};
      response: {
        id: number;
        label: string;
        from: string;
        to: string;
        cases: number;
        feeFen: number;
        posted: number;
      }[];
    };
    /** 新建偏差结算期间并生成草稿名单 */
    post: {
      request: {
        body: {
          label: string;
          from: string;
          to: string;
        };
      };
      response: {
        id: number;
        cases: number;
      };
    };
  };
  "/api/deviation/periods/{id}": {
    /** 偏差结算草稿名单 */
    get: {
      request: {
        path: {
          id: number;
        };
      };
      response: {
        id: number;
        label: string;
        from: string;
        to: string;
        cases: {
          id: number;
          periodId: number;
          customerId: number;
          customerCode: string;
          customerName: string;
          contractNo: string | null;
          basis: "m3" | "GJ";
          theta: string;
          k: string;
          contractPrice: string;
          contracted: string;
          actual: string;
          exempt: string;
          shortfall: string;
          feeFen: number;
          status: "draft" | "reviewed" | "confirmed" | "signed" | "posted";
          reviewHeldOn: string | null;
          reviewParticipants: string | null;
          reviewDecision: string | null;
          confirmedAt: string | null;
          signedFileName: string | null;
          signedAt: string | null;
          postedAt: string | null;
        }[];
      };
    };
  };
  "/api/deviation/periods/{id}/confirmations": {
    /** 出具偏差结算确认单（须在草稿名单上） */
    post: {
      request: {
        path: {
          id: number;
        };
        body: {
          customerId: number;
        };
      };
      response: unknown;
    };
  };
  "/api/deviation/summary": {
    /** 年度偏差结算汇总 */
    get: {
      request: {
        query: {
          year: number;
        };
      };
      response: {
        year: number;
        byBasis: {
          basis: "m3" | "GJ";
          customerTimes: number;
          shortfall: string;
          exempt: string;
          feeFen: number;
          postedFen: number;
          claims: number;
        }[];
        customerTimes: number;
        feeFen: number;
      };
    };
  };
  "/api/deviation/cases/{id}": {
    /** 偏差结算案例（含来函） */
    get: {
      request: {
        path: {
          id: number;
        };
      };
      response: {
        id: number;
        periodId: number;
        customerId: number;
        customerCode: string;
        customerName: string;
        contractNo: string | null;
        basis: "m3" | "GJ";
        theta: string;
        k: string;
        contractPrice: string;
        contracted: string;
        actual: string;
        exempt: string;
        shortfall: string;
        feeFen: number;
        status: "draft" | "reviewed" | "confirmed" | "signed" | "posted";
        reviewHeldOn: string | null;
        reviewParticipants: string | null;
        reviewDecision: string | null;
        confirmedAt: string | null;
        signedFileName: string | null;
        signedAt: string | null;
        postedAt: string | null;
        period: {
          label: string;
          from: string;
          to: string;
        };
        claims: {
          id: number;
          cause: "force_majeure" | "supplier_curtailment" | "earthquake" | "maintenance" | "other";
          claimed: string;
          description: string | null;
          receivedOn: string;
          evidenceName: string | null;
          approved: string | null;
          createdAt: string;
        }[];
      };
    };
  };
  "/api/deviation/cases/{id}/claims": {
    /** 登记客户来函 */
    post: {
      request: {
        path: {
          id: number;
        };
        body: {
          cause: "force_majeure" | "supplier_curtailment" | "earthquake" | "maintenance" | "other";
          claimed: string | number;
          description?: string | null;
          receivedOn: string;
        };
      };
      response: unknown;
    };
  };
  "/api/deviation/claims/{id}/evidence": {
    /** 上传来函证明材料（multipart） */
    post: {
      request: {
        path: {
          id: number;
        };
      };
      response: unknown;
    };
  };
  "/api/deviation/cases/{id}/review": {
    /** 专题会商：核定每份来函的免责气量 */
    post: {
      request: {
        path: {
          id: number;
        };
        body: {
          heldOn: string;
          participants: string;
          decision: string;
          claims: {
            claimId: number;
            approved: string | number;
          }[];
        };
      };
      response: unknown;
    };
  };
  "/api/deviation/cases/{id}/confirmation.pdf": {
    /** 偏差结算确认单 PDF */
    get: {
      request: {
        path: {
          id: number;
        };
      };
      response: unknown;
    };
  };
  "/api/deviation/cases/{id}/signed-copy": {
    /** 上传客户回签的确认单（multipart） */
    post: {
      request: {
        path: {
          id: number;
        };
      };
      response: unknown;
    };
  };
  "/api/deviation/cases/{id}/post": {
    /** 偏差结算费入账 */
    post: {
      request: {
        path: {
          id: number;
        };
      };
      response: unknown;
    };
  };
  "/api/onboarding/cases": {
    get: {
      request: {
        query?: {
          page?: number;
          pageSize?: number;
          status?: "draft" | "submitted" | "returned" | "approved" | "contracted" | "commissioned";
          q?: string;
        };
      };
      response: {
        total: number;
        items: {
          id: number;
          customerId: number;
          customerCode: string;
          customerName: string;
          customerStatus: string;
          customerType: string;
          projectName: string;
          status: "draft" | "submitted" | "returned" | "approved" | "contracted" | "commissioned";
          expectedAnnualM3: string | null;
          surveyDate: string | null;
          sectionsDone: number;
          openedAt: string;
          ageDays: number;
        }[];
      };
    };
    post: {
      request: {
        body: {
          customerId: number;
          projectName: string;
          expectedDailyM3?: string | number | null;
          expectedAnnualM3?: string | number | null;
        };
      };
      response: {
        id: number;
        customerId: number;
        customerCode: string;
        customerName: string;
        customerStatus: string;
        customerType: string;
        projectName: string;
        status: "draft" | "submitted" | "returned" | "approved" | "contracted" | "commissioned";
        expectedAnnualM3: string | null;
        surveyDate: string | null;
        sectionsDone: number;
        openedAt: string;
        ageDays: number;
        expectedDailyM3: string | null;
        surveyPlace: string | null;
        participants: {
          department: "production" | "development" | "quality_safety" | "pipeline_sales";
          names: string;
        }[];
        sections: {
          section: "basics" | "gas_use" | "qualification" | "capacity" | "connection" | "informatization";
          department: "production" | "development" | "quality_safety" | "pipeline_sales";
          findings: string | null;
          data: Record<string, unknown>;
          opinion: "agree" | "conditional" | "disagree" | null;
          conditions: string | null;
          reviewerName: string | null;
          completedAt: string | null;
          files: {
            id: number;
            section: string | null;
            milestone: string | null;
            filename: string;
            mime: string;
            sizeBytes: number;
            uploadedAt: string;
          }[];
        }[];
        suggestedConclusion: "agree" | "conditional" | "disagree" | null;
        combined: {
          conclusion: "agree" | "conditional" | "disagree";
          opinion: string;
          conditions: string | null;
          at: string | null;
        } | null;
        submittedAt: string | null;
        decidedAt: string | null;
        decisionNote: string | null;
        contract: {
          contractNo: string;
          signedOn: string;
          contractedAnnualM3: string | null;
        } | null;
        linkedContract: {
          id: number;
          contractNo: string;
          yearLabel: string;
          startMonth: string;
          endMonth: string;
          basis: "m3" | "GJ";
          status: "draft" | "active" | "terminated";
          totalQuantity: string;
        } | null;
        milestones: {
          kind: "takeover" | "metering" | "scada";
          plannedOn: string | null;
          doneOn: string | null;
          note: string | null;
          files: {
            id: number;
            section: string | null;
            milestone: string | null;
            filename: string;
            mime: string;
            sizeBytes: number;
            uploadedAt: string;
          }[];
        }[];
        commissionedOn: string | null;
        events: {
          action: string;
          note: string | null;
          actorName: string | null;
          at: string;
        }[];
      };
    };
  };
  "/api/onboarding/todo": {
    get: {
      request: {};
      response: {
        caseId: number;
        customerName: string;
        projectName: string;
        kind: "section" | "combine" | "approve" | "construction";
        section: "basics" | "gas_use" | "qualification" | "capacity" | "connection" | "informatization" | null;
        surveyDate: string | null;
      }[];
    };
  };
  "/api/onboarding/board": {
    get: {
      request: {};
      response: {
        stages: {
          stage: string;
          count: number;
          expectedAnnualM3: string;
          avgAgeDays: number | null;
          cases: {
            id: number;
            customerId: number;
            customerCode: string;
            customerName: string;
            customerStatus: string;
            customerType: string;
            projectName: string;
            status: "draft" | "submitted" | "returned" | "approved" | "contracted" | "commissioned";
            expectedAnnualM3: string | null;
            surveyDate: string | null;
            sectionsDone: number;
            openedAt: string;
            ageDays: number;
          }[];
        }[];
      };
    };
  };
  "/api/onboarding/yearly": {
    get: {
      request: {
        query?: {
          from?: number;
          to?: number;
        };
      };
      response: {
        year: number;
        newCustomers: number;
        projectsCommissioned: number;
        newContractedM3: string;
        contractsSigned: number;
      }[];
    };
  };
  "/api/onboarding/cases/{id}": {
    get: {
      request: {
        path: {
          id: number;
        };
      };
      response: {
        id: number;
        customerId: number;
        customerCode: string;
        customerName: string;
        customerStatus: string;
        customerType: string;
        projectName: string;
        status: "draft" | "submitted" | "returned" | "approved" | "contracted" | "commissioned";
        expectedAnnualM3: string | null;
        surveyDate: string | null;
        sectionsDone: number;
        openedAt: string;
        ageDays: number;
        expectedDailyM3: string | null;
        surveyPlace: string | null;
        participants: {
          department: "production" | "development" | "quality_safety" | "pipeline_sales";
          names: string;
        }[];
        sections: {
          section: "basics" | "gas_use" | "qualification" | "capacity" | "connection" | "informatization";
          department: "production" | "development" | "quality_safety" | "pipeline_sales";
          findings: string | null;
          data: Record<string, unknown>;
          opinion: "agree" | "conditional" | "disagree" | null;
          conditions: string | null;
          reviewerName: string | null;
          completedAt: string | null;
          files: {
            id: number;
            section: string | null;
            milestone: string | null;
            filename: string;
            mime: string;
            sizeBytes: number;
            uploadedAt: string;
          }[];
        }[];
        suggestedConclusion: "agree" | "conditional" | "disagree" | null;
        combined: {
          conclusion: "agree" | "conditional" | "disagree";
          opinion: string;
          conditions: string | null;
          at: string | null;
        } | null;
        submittedAt: string | null;
        decidedAt: string | null;
        decisionNote: string | null;
        contract: {
          contractNo: string;
          signedOn: string;
          contractedAnnualM3: string | null;
        } | null;
        linkedContract: {
          id: number;
          contractNo: string;
          yearLabel: string;
          startMonth: string;
          endMonth: string;
          basis: "m3" | "GJ";
          status: "draft" | "active" | "terminated";
          totalQuantity: string;
        } | null;
        milestones: {
          kind: "takeover" | "metering" | "scada";
          plannedOn: string | null;
          doneOn: string | null;
          note: string | null;
          files: {
            id: number;
            section: string | null;
            milestone: string | null;
            filename: string;
            mime: string;
            sizeBytes: number;
            uploadedAt: string;
          }[];
        }[];
        commissionedOn: string | null;
        events: {
          action: string;
          note: string | null;
          actorName: string | null;
          at: string;
        }[];
      };
    };
  };
  "/api/onboarding/cases/{id}/survey": {
    put: {
      request: {
        path: {
          id: number;
        };
        body: {
          surveyDate: string;
          surveyPlace: string;
          participants: {
            department: "production" | "development" | "quality_safety" | "pipeline_sales";
            names: string;
          }[];
        };
      };
      response: {
        id: number;
        customerId: number;
        customerCode: string;
        customerName: string;
        customerStatus: string;
        customerType: string;
        projectName: string;
        status: "draft" | "submitted" | "returned" | "approved" | "contracted" | "commissioned";
        expectedAnnualM3: string | null;
        surveyDate: string | null;
        sectionsDone: number;
        openedAt: string;
        ageDays: number;
        expectedDailyM3: string | null;
        surveyPlace: string | null;
        participants: {
          department: "production" | "development" | "quality_safety" | "pipeline_sales";
          names: string;
        }[];
        sections: {
          section: "basics" | "gas_use" | "qualification" | "capacity" | "connection" | "informatization";
          department: "production" | "development" | "quality_safety" | "pipeline_sales";
          findings: string | null;
          data: Record<string, unknown>;
          opinion: "agree" | "conditional" | "disagree" | null;
          conditions: string | null;
          reviewerName: string | null;
          completedAt: string | null;
          files: {
            id: number;
            section: string | null;
            milestone: string | null;
            filename: string;
            mime: string;
            sizeBytes: number;
            uploadedAt: string;
          }[];
        }[];
        suggestedConclusion: "agree" | "conditional" | "disagree" | null;
        combined: {
          conclusion: "agree" | "conditional" | "disagree";
          opinion: string;
          conditions: string | null;
          at: string | null;
        } | null;
        submittedAt: string | null;
        decidedAt: string | null;
        decisionNote: string | null;
        contract: {
          contractNo: string;
          signedOn: string;
          contractedAnnualM3: string | null;
        } | null;
        linkedContract: {
          id: number;
          contractNo: string;
          yearLabel: string;
          startMonth: string;
          endMonth: string;
          basis: "m3" | "GJ";
          status: "draft" | "active" | "terminated";
          totalQuantity: string;
        } | null;
        milestones: {
          kind: "takeover" | "metering" | "scada";
          plannedOn: string | null;
          doneOn: string | null;
          note: string | null;
          files: {
            id: number;
            section: string | null;
            milestone: string | null;
            filename: string;
            mime: string;
            sizeBytes: number;
            uploadedAt: string;
          }[];
        }[];
        commissionedOn: string | null;
        events: {
          action: string;
          note: string | null;
          actorName: string | null;
          at: string;
        }[];
      };
    };
  };
  "/api/onboarding/cases/{id}/sections/{section}": {
    put: {
      request: {
        path: {
          id: number;
          section: "basics" | "gas_use" | "qualification" | "capacity" | "connection" | "informatization";
        };
        body: {
          findings: string;
          data?: Record<string, string | number | boolean | null>;
          opinion: "agree" | "conditional" | "disagree";
          conditions?: string | null;
        };
      };
      response: {
        id: number;
        customerId: number;
        customerCode: string;
        customerName: string;
        customerStatus: string;
        customerType: string;
        projectName: string;
        status: "draft" | "submitted" | "returned" | "approved" | "contracted" | "commissioned";
        expectedAnnualM3: string | null;
        surveyDate: string | null;
        sectionsDone: number;
        openedAt: string;
        ageDays: number;
        expectedDailyM3: string | null;
        surveyPlace: string | null;
        participants: {
          department: "production" | "development" | "quality_safety" | "pipeline_sales";
          names: string;
        }[];
        sections: {
          section: "basics" | "gas_use" | "qualification" | "capacity" | "connection" | "informatization";
          department: "production" | "development" | "quality_safety" | "pipeline_sales";
          findings: string | null;
          data: Record<string, unknown>;
          opinion: "agree" | "conditional" | "disagree" | null;
          conditions: string | null;
          reviewerName: string | null;
          completedAt: string | null;
          files: {
            id: number;
            section: string | null;
            milestone: string | null;
            filename: string;
            mime: string;
            sizeBytes: number;
            uploadedAt: string;
          }[];
        }[];
        suggestedConclusion: "agree" | "conditional" | "disagree" | null;
        combined: {
          conclusion: "agree" | "conditional" | "disagree";
          opinion: string;
          conditions: string | null;
          at: string | null;
        } | null;
        submittedAt: string | null;
        decidedAt: string | null;
        decisionNote: string | null;
        contract: {
          contractNo: string;
          signedOn: string;
          contractedAnnualM3: string | null;
        } | null;
        linkedContract: {
          id: number;
          contractNo: string;
          yearLabel: string;
          startMonth: string;
          endMonth: string;
          basis: "m3" | "GJ";
          status: "draft" | "active" | "terminated";
          totalQuantity: string;
        } | null;
        milestones: {
          kind: "takeover" | "metering" | "scada";
          plannedOn: string | null;
          doneOn: string | null;
          note: string | null;
          files: {
            id: number;
            section: string | null;
            milestone: string | null;
            filename: string;
            mime: string;
            sizeBytes: number;
            uploadedAt: string;
          }[];
        }[];
        commissionedOn: string | null;
        events: {
          action: string;
          note: string | null;
          actorName: string | null;
          at: string;
        }[];
      };
    };
  };
  "/api/onboarding/cases/{id}/combined": {
    put: {
      request: {
        path: {
          id: number;
        };
        body: {
          conclusion: "agree" | "conditional" | "disagree";
          opinion: string;
          conditions?: string | null;
        };
      };
      response: {
        id: number;
        customerId: number;
        customerCode: string;
        customerName: string;
        customerStatus: string;
        customerType: string;
        projectName: string;
        status: "draft" | "submitted" | "returned" | "approved" | "contracted" | "commissioned";
        expectedAnnualM3: string | null;
        surveyDate: string | null;
        sectionsDone: number;
        openedAt: string;
        ageDays: number;
        expectedDailyM3: string | null;
        surveyPlace: string | null;
        participants: {
          department: "production" | "development" | "quality_safety" | "pipeline_sales";
          names: string;
        }[];
        sections: {
          section: "basics" | "gas_use" | "qualification" | "capacity" | "connection" | "informatization";
          department: "production" | "development" | "quality_safety" | "pipeline_sales";
          findings: string | null;
          data: Record<string, unknown>;
          opinion: "agree" | "conditional" | "disagree" | null;
          conditions: string | null;
          reviewerName: string | null;
          completedAt: string | null;
          files: {
            id: number;
            section: string | null;
            milestone: string | null;
            filename: string;
            mime: string;
            sizeBytes: number;
            uploadedAt: string;
          }[];
        }[];
        suggestedConclusion: "agree" | "conditional" | "disagree" | null;
        combined: {
          conclusion: "agree" | "conditional" | "disagree";
          opinion: string;
          conditions: string | null;
          at: string | null;
        } | null;
        submittedAt: string | null;
        decidedAt: string | null;
        decisionNote: string | null;
        contract: {
          contractNo: string;
          signedOn: string;
          contractedAnnualM3: string | null;
        } | null;
        linkedContract: {
          id: number;
          contractNo: string;
          yearLabel: string;
          startMonth: string;
          endMonth: string;
          basis: "m3" | "GJ";
          status: "draft" | "active" | "terminated";
          totalQuantity: string;
        } | null;
        milestones: {
          kind: "takeover" | "metering" | "scada";
          plannedOn: string | null;
          doneOn: string | null;
          note: string | null;
          files: {
            id: number;
            section: string | null;
            milestone: string | null;
            filename: string;
            mime: string;
            sizeBytes: number;
            uploadedAt: string;
          }[];
        }[];
        commissionedOn: string | null;
        events: {
          action: string;
          note: string | null;
          actorName: string | null;
          at: string;
        }[];
      };
    };
  };
  "/api/onboarding/cases/{id}/submit": {
    post: {
      request: {
        path: {
          id: number;
        };
      };
      response: {
        id: number;
        customerId: number;
        customerCode: string;
        customerName: string;
        customerStatus: string;
        customerType: string;
        projectName: string;
        status: "draft" | "submitted" | "returned" | "approved" | "contracted" | "commissioned";
        expectedAnnualM3: string | null;
        surveyDate: string | null;
        sectionsDone: number;
        openedAt: string;
        ageDays: number;
        expectedDailyM3: string | null;
        surveyPlace: string | null;
        participants: {
          department: "production" | "development" | "quality_safety" | "pipeline_sales";
          names: string;
        }[];
        sections: {
          section: "basics" | "gas_use" | "qualification" | "capacity" | "connection" | "informatization";
          department: "production" | "development" | "quality_safety" | "pipeline_sales";
          findings: string | null;
          data: Record<string, unknown>;
          opinion: "agree" | "conditional" | "disagree" | null;
          conditions: string | null;
          reviewerName: string | null;
          completedAt: string | null;
          files: {
            id: number;
            section: string | null;
            milestone: string | null;
            filename: string;
            mime: string;
            sizeBytes: number;
            uploadedAt: string;
          }[];
        }[];
        suggestedConclusion: "agree" | "conditional" | "disagree" | null;
        combined: {
          conclusion: "agree" | "conditional" | "disagree";
          opinion: string;
          conditions: string | null;
          at: string | null;
        } | null;
        submittedAt: string | null;
        decidedAt: string | null;
        decisionNote: string | null;
        contract: {
          contractNo: string;
          signedOn: string;
          contractedAnnualM3: string | null;
        } | null;
        linkedContract: {
          id: number;
          contractNo: string;
          yearLabel: string;
          startMonth: string;
          endMonth: string;
          basis: "m3" | "GJ";
          status: "draft" | "active" | "terminated";
          totalQuantity: string;
        } | null;
        milestones: {
          kind: "takeover" | "metering" | "scada";
          plannedOn: string | null;
          doneOn: string | null;
          note: string | null;
          files: {
            id: number;
            section: string | null;
            milestone: string | null;
            filename: string;
            mime: string;
            sizeBytes: number;
            uploadedAt: string;
          }[];
        }[];
        commissionedOn: string | null;
        events: {
          action: string;
          note: string | null;
          actorName: string | null;
          at: string;
        }[];
      };
    };
  };
  "/api/onboarding/cases/{id}/approve": {
    post: {
      request: {
        path: {
          id: number;
        };
        body?: {
          note?: string;
        };
      };
      response: {
        id: number;
        customerId: number;
        customerCode: string;
        customerName: string;
        customerStatus: string;
        customerType: string;
        projectName: string;
        status: "draft" | "submitted" | "returned" | "approved" | "contracted" | "commissioned";
        expectedAnnualM3: string | null;
        surveyDate: string | null;
        sectionsDone: number;
        openedAt: string;
        ageDays: number;
        expectedDailyM3: string | null;
        surveyPlace: string | null;
        participants: {
          department: "production" | "development" | "quality_safety" | "pipeline_sales";
          names: string;
        }[];
        sections: {
          section: "basics" | "gas_use" | "qualification" | "capacity" | "connection" | "informatization";
          department: "production" | "development" | "quality_safety" | "pipeline_sales";
          findings: string | null;
          data: Record<string, unknown>;
          opinion: "agree" | "conditional" | "disagree" | null;
          conditions: string | null;
          reviewerName: string | null;
          completedAt: string | null;
          files: {
            id: number;
            section: string | null;
            milestone: string | null;
            filename: string;
            mime: string;
            sizeBytes: number;
            uploadedAt: string;
          }[];
        }[];
        suggestedConclusion: "agree" | "conditional" | "disagree" | null;
        combined: {
          conclusion: "agree" | "conditional" | "disagree";
          opinion: string;
          conditions: string | null;
          at: string | null;
        } | null;
        submittedAt: string | null;
        decidedAt: string | null;
        decisionNote: string | null;
        contract: {
          contractNo: string;
          signedOn: string;
          contractedAnnualM3: string | null;
        } | null;
        linkedContract: {
          id: number;
          contractNo: string;
          yearLabel: string;
          startMonth: string;
          endMonth: string;
          basis: "m3" | "GJ";
          status: "draft" | "active" | "terminated";
          totalQuantity: string;
        } | null;
        milestones: {
          kind: "takeover" | "metering" | "scada";
          plannedOn: string | null;
          doneOn: string | null;
          note: string | null;
          files: {
            id: number;
            section: string | null;
            milestone: string | null;
            filename: string;
            mime: string;
            sizeBytes: number;
            uploadedAt: string;
          }[];
        }[];
        commissionedOn: string | null;
        events: {
          action: string;
          note: string | null;
          actorName: string | null;
          at: string;
        }[];
      };
    };
  };
  "/api/onboarding/cases/{id}/return": {
    post: {
      request: {
        path: {
          id: number;
        };
        body: {
          reason: string;
        };
      };
      response: {
        id: number;
        customerId: number;
        customerCode: string;
        customerName: string;
        customerStatus: string;
        customerType: string;
        projectName: string;
        status: "draft" | "submitted" | "returned" | "approved" | "contracted" | "commissioned";
        expectedAnnualM3: string | null;
        surveyDate: string | null;
        sectionsDone: number;
        openedAt: string;
        ageDays: number;
        expectedDailyM3: string | null;
        surveyPlace: string | null;
        participants: {
          department: "production" | "development" | "quality_safety" | "pipeline_sales";
          names: string;
        }[];
        sections: {
          section: "basics" | "gas_use" | "qualification" | "capacity" | "connection" | "informatization";
          department: "production" | "development" | "quality_safety" | "pipeline_sales";
          findings: string | null;
          data: Record<string, unknown>;
          opinion: "agree" | "conditional" | "disagree" | null;
          conditions: string | null;
          reviewerName: string | null;
          completedAt: string | null;
          files: {
            id: number;
            section: string | null;
            milestone: string | null;
            filename: string;
            mime: string;
            sizeBytes: number;
            uploadedAt: string;
          }[];
        }[];
        suggestedConclusion: "agree" | "conditional" | "disagree" | null;
        combined: {
          conclusion: "agree" | "conditional" | "disagree";
          opinion: string;
          conditions: string | null;
          at: string | null;
        } | null;
        submittedAt: string | null;
        decidedAt: string | null;
        decisionNote: string | null;
        contract: {
          contractNo: string;
          signedOn: string;
          contractedAnnualM3: string | null;
        } | null;
        linkedContract: {
          id: number;
          contractNo: string;
          yearLabel: string;
          startMonth: string;
          endMonth: string;
          basis: "m3" | "GJ";
          status: "draft" | "active" | "terminated";
          totalQuantity: string;
        } | null;
        milestones: {
          kind: "takeover" | "metering" | "scada";
          plannedOn: string | null;
          doneOn: string | null;
          note: string | null;
          files: {
            id: number;
            section: string | null;
            milestone: string | null;
            filename: string;
            mime: string;
            sizeBytes: number;
            uploadedAt: string;
          }[];
        }[];
        commissionedOn: string | null;
        events: {
          action: string;
          note: string | null;
          actorName: string | null;
          at: string;
        }[];
      };
    };
  };
  "/api/onboarding/cases/{id}/contracts": {
    get: {
      request: {
        path: {
          id: number;
        };
      };
      response: {
        id: number;
        contractNo: string;
        yearLabel: string;
        startMonth: string;
        endMonth: string;
        basis: "m3" | "GJ";
        status: "draft" | "active" | "terminated";
        totalQuantity: string;
      }[];
    };
  };
  "/api/onboarding/cases/{id}/contract-link": {
    put: {
      request: {
        path: {
          id: number;
        };
        body?: {
          contractId?: number;
          draft?: {
            contractNo: string;
            startMonth: string;
            endMonth: string;
            monthlyM3: string | number;
          };
        };
      };
      response: {
        id: number;
        customerId: number;
        customerCode: string;
        customerName: string;
        customerStatus: string;
        customerType: string;
        projectName: string;
        status: "draft" | "submitted" | "returned" | "approved" | "contracted" | "commissioned";
        expectedAnnualM3: string | null;
        surveyDate: string | null;
        sectionsDone: number;
        openedAt: string;
        ageDays: number;
        expectedDailyM3: string | null;
        surveyPlace: string | null;
        participants: {
          department: "production" | "development" | "quality_safety" | "pipeline_sales";
          names: string;
        }[];
        sections: {
          section: "basics" | "gas_use" | "qualification" | "capacity" | "connection" | "informatization";
          department: "production" | "development" | "quality_safety" | "pipeline_sales";
          findings: string | null;
          data: Record<string, unknown>;
          opinion: "agree" | "conditional" | "disagree" | null;
          conditions: string | null;
          reviewerName: string | null;
          completedAt: string | null;
          files: {
            id: number;
            section: string | null;
            milestone: string | null;
            filename: string;
            mime: string;
            sizeBytes: number;
            uploadedAt: string;
          }[];
        }[];
        suggestedConclusion: "agree" | "conditional" | "disagree" | null;
        combined: {
          conclusion: "agree" | "conditional" | "disagree";
          opinion: string;
          conditions: string | null;
          at: string | null;
        } | null;
        submittedAt: string | null;
        decidedAt: string | null;
        decisionNote: string | null;
        contract: {
          contractNo: string;
          signedOn: string;
          contractedAnnualM3: string | null;
        } | null;
        linkedContract: {
          id: number;
          contractNo: string;
          yearLabel: string;
          startMonth: string;
          endMonth: string;
          basis: "m3" | "GJ";
          status: "draft" | "active" | "terminated";
          totalQuantity: string;
        } | null;
        milestones: {
          kind: "takeover" | "metering" | "scada";
          plannedOn: string | null;
          doneOn: string | null;
          note: string | null;
          files: {
            id: number;
            section: string | null;
            milestone: string | null;
            filename: string;
            mime: string;
            sizeBytes: number;
            uploadedAt: string;
          }[];
        }[];
        commissionedOn: string | null;
        events: {
          action: string;
          note: string | null;
          actorName: string | null;
          at: string;
        }[];
      };
    };
  };
  "/api/onboarding/cases/{id}/contract": {
    put: {
      request: {
        path: {
          id: number;
        };
        body: {
          contractNo: string;
          signedOn: string;
          contractedAnnualM3: string | number;
        };
      };
      response: {
        id: number;
        customerId: number;
        customerCode: string;
        customerName: string;
        customerStatus: string;
        customerType: string;
        projectName: string;
        status: "draft" | "submitted" | "returned" | "approved" | "contracted" | "commissioned";
        expectedAnnualM3: string | null;
        surveyDate: string | null;
        sectionsDone: number;
        openedAt: string;
        ageDays: number;
        expectedDailyM3: string | null;
        surveyPlace: string | null;
        participants: {
          department: "production" | "development" | "quality_safety" | "pipeline_sales";
          names: string;
        }[];
        sections: {
          section: "basics" | "gas_use" | "qualification" | "capacity" | "connection" | "informatization";
          department: "production" | "development" | "quality_safety" | "pipeline_sales";
          findings: string | null;
          data: Record<string, unknown>;
          opinion: "agree" | "conditional" | "disagree" | null;
          conditions: string | null;
          reviewerName: string | null;
          completedAt: string | null;
          files: {
            id: number;
            section: string | null;
            milestone: string | null;
            filename: string;
            mime: string;
            sizeBytes: number;
            uploadedAt: string;
          }[];
        }[];
        suggestedConclusion: "agree" | "conditional" | "disagree" | null;
        combined: {
          conclusion: "agree" | "conditional" | "disagree";
          opinion: string;
          conditions: string | null;
          at: string | null;
        } | null;
        submittedAt: string | null;
        decidedAt: string | null;
        decisionNote: string | null;
        contract: {
          contractNo: string;
          signedOn: string;
          contractedAnnualM3: string | null;
        } | null;
        linkedContract: {
          id: number;
          contractNo: string;
          yearLabel: string;
          startMonth: string;
          endMonth: string;
          basis: "m3" | "GJ";
          status: "draft" | "active" | "terminated";
          totalQuantity: string;
        } | null;
        milestones: {
          kind: "takeover" | "metering" | "scada";
          plannedOn: string | null;
          doneOn: string | null;
          note: string | null;
          files: {
            id: number;
            section: string | null;
            milestone: string | null;
            filename: string;
            mime: string;
            sizeBytes: number;
            uploadedAt: string;
          }[];
        }[];
        commissionedOn: string | null;
        events: {
          action: string;
          note: string | null;
          actorName: string | null;
          at: string;
        }[];
      };
    };
  };
  "/api/onboarding/cases/{id}/milestones/{kind}": {
    put: {
      request: {
        path: {
          id: number;
          kind: "takeover" | "metering" | "scada";
        };
        body?: {
          plannedOn?: string | null;
          doneOn?: string | null;
          note?: string | null;
        };
      };
      response: {
        id: number;
        customerId: number;
        customerCode: string;
        customerName: string;
        customerStatus: string;
        customerType: string;
        projectName: string;
        status: "draft" | "submitted" | "returned" | "approved" | "contracted" | "commissioned";
        expectedAnnualM3: string | null;
        surveyDate: string | null;
        sectionsDone: number;
        openedAt: string;
        ageDays: number;
        expectedDailyM3: string | null;
        surveyPlace: string | null;
        participants: {
          department: "production" | "development" | "quality_safety" | "pipeline_sales";
          names: string;
        }[];
        sections: {
          section: "basics" | "gas_use" | "qualification" | "capacity" | "connection" | "informatization";
          department: "production" | "development" | "quality_safety" | "pipeline_sales";
          findings: string | null;
          data: Record<string, unknown>;
          opinion: "agree" | "conditional" | "disagree" | null;
          conditions: string | null;
          reviewerName: string | null;
          completedAt: string | null;
          files: {
            id: number;
            section: string | null;
            milestone: string | null;
            filename: string;
            mime: string;
            sizeBytes: number;
            uploadedAt: string;
          }[];
        }[];
        suggestedConclusion: "agree" | "conditional" | "disagree" | null;
        combined: {
          conclusion: "agree" | "conditional" | "disagree";
          opinion: string;
          conditions: string | null;
          at: string | null;
        } | null;
        submittedAt: string | null;
        decidedAt: string | null;
        decisionNote: string | null;
        contract: {
          contractNo: string;
          signedOn: string;
          contractedAnnualM3: string | null;
        } | null;
        linkedContract: {
          id: number;
          contractNo: string;
          yearLabel: string;
          startMonth: string;
          endMonth: string;
          basis: "m3" | "GJ";
          status: "draft" | "active" | "terminated";
          totalQuantity: string;
        } | null;
        milestones: {
          kind: "takeover" | "metering" | "scada";
          plannedOn: string | null;
          doneOn: string | null;
          note: string | null;
          files: {
            id: number;
            section: string | null;
            milestone: string | null;
            filename: string;
            mime: string;
            sizeBytes: number;
            uploadedAt: string;
          }[];
        }[];
        commissionedOn: string | null;
        events: {
          action: string;
          note: string | null;
          actorName: string | null;
          at: string;
        }[];
      };
    };
  };
  "/api/onboarding/cases/{id}/commission": {
    post: {
      request: {
        path: {
          id: number;
        };
        body: {
          commissionedOn: string;
          note?: string;
        };
      };
      response: {
        id: number;
        customerId: number;
        customerCode: string;
        customerName: string;
        customerStatus: string;
        customerType: string;
        projectName: string;
        status: "draft" | "submitted" | "returned" | "approved" | "contracted" | "commissioned";
        expectedAnnualM3: string | null;
        surveyDate: string | null;
        sectionsDone: number;
        openedAt: string;
        ageDays: number;
        expectedDailyM3: string | null;
        surveyPlace: string | null;
        participants: {
          department: "production" | "development" | "quality_safety" | "pipeline_sales";
          names: string;
        }[];
        sections: {
          section: "basics" | "gas_use" | "qualification" | "capacity" | "connection" | "informatization";
          department: "production" | "development" | "quality_safety" | "pipeline_sales";
          findings: string | null;
          data: Record<string, unknown>;
          opinion: "agree" | "conditional" | "disagree" | null;
          conditions: string | null;
          reviewerName: string | null;
          completedAt: string | null;
          files: {
            id: number;
            section: string | null;
            milestone: string | null;
            filename: string;
            mime: string;
            sizeBytes: number;
            uploadedAt: string;
          }[];
        }[];
        suggestedConclusion: "agree" | "conditional" | "disagree" | null;
        combined: {
          conclusion: "agree" | "conditional" | "disagree";
          opinion: string;
          conditions: string | null;
          at: string | null;
        } | null;
        submittedAt: string | null;
        decidedAt: string | null;
        decisionNote: string | null;
        contract: {
          contractNo: string;
          signedOn: string;
          contractedAnnualM3: string | null;
        } | null;
        linkedContract: {
          id: number;
          contractNo: string;
          yearLabel: string;
          startMonth: string;
          endMonth: string;
          basis: "m3" | "GJ";
          status: "draft" | "active" | "terminated";
          totalQuantity: string;
        } | null;
        milestones: {
          kind: "takeover" | "metering" | "scada";
          plannedOn: string | null;
          doneOn: string | null;
          note: string | null;
          files: {
            id: number;
            section: string | null;
            milestone: string | null;
            filename: string;
            mime: string;
            sizeBytes: number;
            uploadedAt: string;
          }[];
        }[];
        commissionedOn: string | null;
        events: {
          action: string;
          note: string | null;
          actorName: string | null;
          at: string;
        }[];
      };
    };
  };
  "/api/onboarding/cases/{id}/files": {
    post: {
      request: {
        path: {
          id: number;
        };
      };
      response: {
        id: number;
        customerId: number;
        customerCode: string;
        customerName: string;
        customerStatus: string;
        customerType: string;
        projectName: string;
        status: "draft" | "submitted" | "returned" | "approved" | "contracted" | "commissioned";
        expectedAnnualM3: string | null;
        surveyDate: string | null;
        sectionsDone: number;
        openedAt: string;
        ageDays: number;
        expectedDailyM3: string | null;
        surveyPlace: string | null;
        participants: {
          department: "production" | "development" | "quality_safety" | "pipeline_sales";
          names: string;
        }[];
        sections: {
          section: "basics" | "gas_use" | "qualification" | "capacity" | "connection" | "informatization";
          department: "production" | "development" | "quality_safety" | "pipeline_sales";
          findings: string | null;
          data: Record<string, unknown>;
          opinion: "agree" | "conditional" | "disagree" | null;
          conditions: string | null;
          reviewerName: string | null;
          completedAt: string | null;
          files: {
            id: number;
            section: string | null;
            milestone: string | null;
            filename: string;
            mime: string;
            sizeBytes: number;
            uploadedAt: string;
          }[];
        }[];
        suggestedConclusion: "agree" | "conditional" | "disagree" | null;
        combined: {
          conclusion: "agree" | "conditional" | "disagree";
          opinion: string;
          conditions: string | null;
          at: string | null;
        } | null;
        submittedAt: string | null;
        decidedAt: string | null;
        decisionNote: string | null;
        contract: {
          contractNo: string;
          signedOn: string;
          contractedAnnualM3: string | null;
        } | null;
        linkedContract: {
          id: number;
          contractNo: string;
          yearLabel: string;
          startMonth: string;
          endMonth: string;
          basis: "m3" | "GJ";
          status: "draft" | "active" | "terminated";
          totalQuantity: string;
        } | null;
        milestones: {
          kind: "takeover" | "metering" | "scada";
          plannedOn: string | null;
          doneOn: string | null;
          note: string | null;
          files: {
            id: number;
            section: string | null;
            milestone: string | null;
            filename: string;
            mime: string;
            sizeBytes: number;
            uploadedAt: string;
          }[];
        }[];
        commissionedOn: string | null;
        events: {
          action: string;
          note: string | null;
          actorName: string | null;
          at: string;
        }[];
      };
    };
  };
  "/api/onboarding/cases/{id}/files/{fileId}": {
    get: {
      request: {
        path: {
          id: number;
          fileId: number;
        };
      };
      response: unknown;
    };
  };
  "/api/onboarding/cases/{id}/report.pdf": {
    get: {
      request: {
        path: {
          id: number;
        };
        query?: {
          lang?: "zh-CN" | "en";
        };
      };
      response: unknown;
    };
  };
  "/api/onboarding/cases/{id}/review.pdf": {
    get: {
      request: {
        path: {
          id: number;
        };
        query?: {
          lang?: "zh-CN" | "en";
        };
      };
      response: unknown;
    };
  };
  "/api/plans/areas": {
    get: {
      request: {};
      response: string[];
    };
  };
  "/api/plans/versions": {
    get: {
      request: {
        query?: {
          year?: number;
        };
      };
      response: {
        id: number;
        year: number;
        kind: "initial" | "adjusted";
        seq: number;
        status: "draft" | "approved" | "superseded";
        targetVolumeM3: string;
        targetRevenueFen: number;
        deviationFlag: boolean;
        deviationNote: string | null;
        note: string | null;
        approvedAt: string | null;
      }[];
    };
    post: {
      request: {
        body: {
          year: number;
          kind: "initial" | "adjusted";
          targetVolumeM3: string | number;
          targetRevenueFen: number;
          months: {
            month: number;
            volumeM3: string | number;
            revenueFen: number;
          }[];
          acceptDeviation?: boolean;
          deviationNote?: string;
          note?: string;
        };
      };
      response: {
        id: number;
        year: number;
        kind: "initial" | "adjusted";
        seq: number;
        status: "draft" | "approved" | "superseded";
        targetVolumeM3: string;
        targetRevenueFen: number;
        deviationFlag: boolean;
        deviationNote: string | null;
        note: string | null;
        approvedAt: string | null;
        monthsSumM3: string;
        monthsDiffM3: string;
        months: {
          month: number;
          volumeM3: string;
          revenueFen: number;
          areasM3: string;
          customersM3: string;
        }[];
        areas: {
          month: number;
          area: string;
          volumeM3: string;
          customersM3: string;
        }[];
        areaGaps: {
          month: number;
          planM3: string;
          allocatedM3: string;
        }[];
        customerCount: number;
      };
    };
  };
  "/api/plans/versions/{id}": {
    get: {
      request: {
        path: {
          id: number;
        };
      };
      response: {
        id: number;
        year: number;
        kind: "initial" | "adjusted";
        seq: number;
        status: "draft" | "approved" | "superseded";
        targetVolumeM3: string;
        targetRevenueFen: number;
        deviationFlag: boolean;
        deviationNote: string | null;
        note: string | null;
        approvedAt: string | null;
        monthsSumM3: string;
        monthsDiffM3: string;
        months: {
          month: number;
          volumeM3: string;
          revenueFen: number;
          areasM3: string;
          customersM3: string;
        }[];
        areas: {
          month: number;
          area: string;
          volumeM3: string;
          customersM3: string;
        }[];
        areaGaps: {
          month: number;
          planM3: string;
          allocatedM3: string;
        }[];
        customerCount: number;
      };
    };
    put: {
      request: {
        path: {
          id: number;
        };
        body: {
          targetVolumeM3: string | number;
          targetRevenueFen: number;
          months: {
            month: number;
            volumeM3: string | number;
            revenueFen: number;
          }[];
          acceptDeviation?: boolean;
          deviationNote?: string;
          note?: string;
        };
      };
      response: {
        id: number;
        year: number;
        kind: "initial" | "adjusted";
        seq: number;
        status: "draft" | "approved" | "superseded";
        targetVolumeM3: string;
        targetRevenueFen: number;
        deviationFlag: boolean;
        deviationNote: string | null;
        note: string | null;
        approvedAt: string | null;
        monthsSumM3: string;
        monthsDiffM3: string;
        months: {
          month: number;
          volumeM3: string;
          revenueFen: number;
          areasM3: string;
          customersM3: string;
        }[];
        areas: {
          month: number;
          area: string;
          volumeM3: string;
          customersM3: string;
        }[];
        areaGaps: {
          month: number;
          planM3: string;
          allocatedM3: string;
        }[];
        customerCount: number;
      };
    };
  };
  "/api/plans/versions/{id}/areas": {
    put: {
      request: {
        path: {
          id: number;
        };
        body: {
          allocations: {
            month: number;
            area: string;
            volumeM3: string | number;
          }[];
        };
      };
      response: {
        id: number;
        year: number;
        kind: "initial" | "adjusted";
        seq: number;
        status: "draft" | "approved" | "superseded";
        targetVolumeM3: string;
        targetRevenueFen: number;
        deviationFlag: boolean;
        deviationNote: string | null;
        note: string | null;
        approvedAt: string | null;
        monthsSumM3: string;
        monthsDiffM3: string;
        months: {
          month: number;
          volumeM3: string;
          revenueFen: number;
          areasM3: string;
          customersM3: string;
        }[];
        areas: {
          month: number;
          area: string;
          volumeM3: string;
          customersM3: string;
        }[];
        areaGaps: {
          month: number;
          planM3: string;
          allocatedM3: string;
        }[];
        customerCount: number;
      };
    };
  };
  "/api/plans/versions/{id}/customers": {
    get: {
      request: {
        path: {
          id: number;
        };
      };
      response: {
        customerId: number;
        customerCode: string;
        customerName: string;
        area: string;
        months: string[];
      }[];
    };
    put: {
      request: {
        path: {
          id: number;
        };
        body: {
          allocations: {
            customerId: number;
            month: number;
            area: string;
            volumeM3: string | number;
          }[];
        };
      };
      response: {
        id: number;
        year: number;
        kind: "initial" | "adjusted";
        seq: number;
        status: "draft" | "approved" | "superseded";
        targetVolumeM3: string;
        targetRevenueFen: number;
        deviationFlag: boolean;
        deviationNote: string | null;
        note: string | null;
        approvedAt: string | null;
        monthsSumM3: string;
        monthsDiffM3: string;
        months: {
          month: number;
          volumeM3: string;
          revenueFen: number;
          areasM3: string;
          customersM3: string;
        }[];
        areas: {
          month: number;
          area: string;
          volumeM3: string;
          customersM3: string;
        }[];
        areaGaps: {
          month: number;
          planM3: string;
          allocatedM3: string;
        }[];
        customerCount: number;
      };
    };
  };
  "/api/plans/versions/{id}/adopt-proposals": {
    post: {
      request: {
        path: {
          id: number;
        };
      };
      response: {
        id: number;
        year: number;
        kind: "initial" | "adjusted";
        seq: number;
        status: "draft" | "approved" | "superseded";
        targetVolumeM3: string;
        targetRevenueFen: number;
        deviationFlag: boolean;
        deviationNote: string | null;
        note: string | null;
        approvedAt: string | null;
        monthsSumM3: string;
        monthsDiffM3: string;
        months: {
          month: number;
          volumeM3: string;
          revenueFen: number;
          areasM3: string;
          customersM3: string;
        }[];
        areas: {
          month: number;
          area: string;
          volumeM3: string;
          customersM3: string;
        }[];
        areaGaps: {
          month: number;
          planM3: string;
          allocatedM3: string;
        }[];
        customerCount: number;
      };
    };
  };
  "/api/plans/versions/{id}/approve": {
    post: {
      request: {
        path: {
          id: number;
        };
      };
      response: {
        id: number;
        year: number;
        kind: "initial" | "adjusted";
        seq: number;
        status: "draft" | "approved" | "superseded";
        targetVolumeM3: string;
        targetRevenueFen: number;
        deviationFlag: boolean;
        deviationNote: string | null;
        note: string | null;
        approvedAt: string | null;
        monthsSumM3: string;
        monthsDiffM3: string;
        months: {
          month: number;
          volumeM3: string;
          revenueFen: number;
          areasM3: string;
          customersM3: string;
        }[];
        areas: {
          month: number;
          area: string;
          volumeM3: string;
          customersM3: string;
        }[];
        areaGaps: {
          month: number;
          planM3: string;
          allocatedM3: string;
        }[];
        customerCount: number;
      };
    };
  };
  "/api/plans/proposals": {
    get: {
      request: {
        query: {
          year: number;
        };
      };
      response: {
        items: {
          customerId: number;
          customerName: string;
          area: string;
          month: string;
          volumeM3: string;
          note: string | null;
          proposedAt: string;
        }[];
        byMonth: {
          month: string;
          volumeM3: string;
          customers: number;
        }[];
        byArea: {
          area: string;
          volumeM3: string;
        }[];
      };
    };
    put: {
      request: {
        body: {
          customerId: number;
          month: string;
          volumeM3: string | number;
          note?: string;
        };
      };
      response: void;
    };
  };
  "/api/plans/ledger": {
    get: {
      request: {
        query: {
          year: number;
          groupBy?: "month" | "area" | "type" | "customer";
          month?: number;
        };
      };
      response: {
        year: number;
        versionId: number | null;
        groupBy: string;
        month: number | null;
        rows: {
          key: string;
          label: string;
          planM3: string;
          actualM3: string;
          deviationM3: string;
          deviationPct: string | null;
          ytdPlanM3: string;
          ytdActualM3: string;
          ytdDeviationM3: string;
          ytdDeviationPct: string | null;
        }[];
        series: {
          month: number;
          planM3: string;
          actualM3: string;
        }[];
        actualThrough: string | null;
      };
    };
  };
  "/api/plans/ledger/export.xlsx": {
    get: {
      request: {
        query: {
          year: number;
          groupBy?: "month" | "area" | "type" | "customer";
          month?: number;
        };
      };
      response: unknown;
    };
  };
  "/api/plans/nominations": {
    get: {
      request: {
        query: {
          customerId?: number;
          from: string;
          to: string;
        };
      };
      response: {
        customerId: number;
        gasDay: string;
        volumeM3: string;
        source: string;
      }[];
    };
    post: {
      request: {
        body: {
          items: {
            customerId: number;
            gasDay: string;
            volumeM3: string | number;
          }[];
        };
      };
      response: {
        saved: number;
      };
    };
  };
  "/api/plans/nominations/template": {
    get: {
      request: {
        query?: {
          format?: "xlsx" | "csv";
        };
      };
      response: unknown;
    };
  };
  "/api/plans/nominations/import": {
    post: {
      request: {};
      response: {
        imported: number;
        errors: {
          row: number;
          field: string;
          message: string;
        }[];
      };
    };
  };
  "/api/plans/nominations/accuracy": {
    get: {
      request: {
        query: {
          month: string;
        };
      };
      response: {
        customerId: number;
        customerCode: string;
        customerName: string;
        daysNominated: number;
        daysCompared: number;
        nominatedM3: string;
        actualM3: string;
        errorPct: string | null;
      }[];
    };
  };
  "/api/home/summary": {
    /** 工作台概况（按角色与客户范围） */
    get: {
      request: {};
      response: {
        scope: "company" | "mine";
        accounts: {
          levels: {
            normal: number;
            warning: number;
            reduce: number;
            stop: number;
          };
          receivableFen: number;
          negativeBalances: number;
          pendingAdjustments: number;
        } | null;
        volume: {
          day: string;
          customers: number;
          volumeM3: string;
          planM3: string | null;
          lastYearDay: string;
          lastYearM3: string;
        } | null;
        procedures: {
          openCases: number;
          pendingApprovals: number | null;
          pendingInstructions: number | null;
        } | null;
        documents: {
          expired: number;
          expiringSoon: number;
          withinDays: number;
        } | null;
        payments: {
          day: string;
          payments: number;
          paymentsFen: number;
          monthPaymentsFen: number;
          unmatchedLines: number;
          unmatchedFen: number;
        } | null;
      };
    };
  };
}
