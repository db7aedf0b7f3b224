/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * wdfobject.h - WDF object contexts and deletion, for the objects a serial
 * client creates (I/O targets, memory, requests). Included by <wdf.h>.
 *
 * A context type is declared once per source file that uses it, with
 * WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(). The WDK makes its type information
 * one object for the whole driver (__declspec(selectany)); GCC has no such
 * thing in a module, so here each file gets its own copy, and the shim
 * matches a context by the type's name and size as well as by address.
 */
#ifndef GPIOCLX_WDFOBJECT_H
#define GPIOCLX_WDFOBJECT_H

#define WDF_TYPE_NAME_TO_TYPE_INFO(_contexttype) _WDF_ ## _contexttype ## _TYPE_INFO
#define WDF_TYPE_NAME_POINTER_TYPE(_contexttype) WDF_POINTER_TYPE_ ## _contexttype
#define WDF_GET_CONTEXT_TYPE_INFO(_contexttype) (&WDF_TYPE_NAME_TO_TYPE_INFO(_contexttype))

/*
 * gpioclx-api: WDF_DECLARE_CONTEXT_TYPE_WITH_NAME, WDF_DECLARE_CONTEXT_TYPE,
 *	WDF_OBJECT_ATTRIBUTES_INIT_CONTEXT_TYPE, WDF_OBJECT_ATTRIBUTES_SET_CONTEXT_TYPE,
 *	WdfObjectGetTypedContext; partly: on I/O target, memory and request objects only (the
 *	device's context is the registration packet's ControllerContextSize block); linux: a
 *	zeroed block after the shim's object, found by type (gpioclx_wdfobject.c)
 */
#define WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(_contexttype, _castingfunction) \
	typedef _contexttype *WDF_TYPE_NAME_POINTER_TYPE(_contexttype); \
	static const WDF_OBJECT_CONTEXT_TYPE_INFO WDF_TYPE_NAME_TO_TYPE_INFO(_contexttype) \
		__attribute__((__unused__)) = { \
		sizeof(WDF_OBJECT_CONTEXT_TYPE_INFO), \
		(PCHAR)#_contexttype, \
		sizeof(_contexttype), \
		&WDF_TYPE_NAME_TO_TYPE_INFO(_contexttype), \
		NULL, \
	}; \
	FORCEINLINE _contexttype *_castingfunction(_In_ WDFOBJECT Handle) \
	{ \
		return (WDF_TYPE_NAME_POINTER_TYPE(_contexttype)) \
			WdfObjectGetTypedContextWorker(Handle, \
				WDF_GET_CONTEXT_TYPE_INFO(_contexttype)->UniqueType); \
	}

#define WDF_DECLARE_CONTEXT_TYPE(_contexttype) \
	WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(_contexttype, WdfObjectGet_ ## _contexttype)

#define WDF_OBJECT_ATTRIBUTES_SET_CONTEXT_TYPE(_attributes, _contexttype) \
	((_attributes)->ContextTypeInfo = WDF_GET_CONTEXT_TYPE_INFO(_contexttype)->UniqueType)

#define WDF_OBJECT_ATTRIBUTES_INIT_CONTEXT_TYPE(_attributes, _contexttype) \
	do { \
		WDF_OBJECT_ATTRIBUTES_INIT(_attributes); \
		WDF_OBJECT_ATTRIBUTES_SET_CONTEXT_TYPE(_attributes, _contexttype); \
	} while (0)

#define WdfObjectGetTypedContext(handle, type) \
	((type *)WdfObjectGetTypedContextWorker((WDFOBJECT)(handle), \
						WDF_GET_CONTEXT_TYPE_INFO(type)->UniqueType))

_IRQL_requires_max_(DISPATCH_LEVEL)
PVOID WdfObjectGetTypedContextWorker(_In_ WDFOBJECT Handle,
				     _In_ PCWDF_OBJECT_CONTEXT_TYPE_INFO TypeInfo);

_IRQL_requires_max_(DISPATCH_LEVEL)
VOID WdfObjectDelete(_In_ WDFOBJECT Object);

#endif /* GPIOCLX_WDFOBJECT_H */
